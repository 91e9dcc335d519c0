<?xml version="1.0" encoding="UTF-8"?>
<CHANNEL HREF="http://gazette.example/index.html" LASTMOD="2024-01-02T08:00">
<TITLE>Millbrook Gazette</TITLE>
<ABSTRACT>News of the town</ABSTRACT>
<ITEM LASTMOD="2024-01-02T08:00">
<TITLE>Millbrook bridge closes after cracks found</TITLE>
<ABSTRACT>The old river bridge in Millbrook closed on Tuesday after engineers found deep cracks in two of its piers.</ABSTRACT>
</ITEM>
<ITEM>
<TITLE>Valley grape harvest starts early</TITLE>
<ABSTRACT>Farmers across the valley began the grape harvest a week early after a warm, dry summer.</ABSTRACT>
</ITEM>
</CHANNEL>
