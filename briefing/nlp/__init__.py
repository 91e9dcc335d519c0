"""Language processing: sentences, words, entities, dates and quotes."""
