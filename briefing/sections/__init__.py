"""Section analysis: who the actors are (`actors`) and which sentences are background (`background`)."""
