<?xml version="1.0" encoding="UTF-8"?>
<!--
  The params of the HTML site's stylesheets (xsl/html.xsl, xsl/site/digest.xsl,
  xsl/site/files.xsl) that xsl/lib/params.xsl does not declare; src/site.c sets them as
  strings. Nothing else lives here.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- Which page html.xsl makes: "meeting" (from a meeting), or from the site document
       "index", "calendar" or "actions". -->
  <xsl:param name="page" select="'meeting'"/>

  <!-- The meeting's name: its file name without .xml, which is its folder on the site. -->
  <xsl:param name="name" select="''"/>

  <!-- Sizes in bytes of the meeting's PDFs (OUT/NAME/kallelse.pdf, protokoll.pdf); empty when
       the file does not exist, and then the page does not link it. -->
  <xsl:param name="kallelse-pdf-bytes" select="''"/>
  <xsl:param name="protokoll-pdf-bytes" select="''"/>

  <!-- "yes" when the iCalendar feeds (kalender.ics, BODY.ics) are published beside the pages. -->
  <xsl:param name="feeds" select="'no'"/>

  <!-- "yes" when the open data (data/index.json) is published beside the pages. -->
  <xsl:param name="open-data" select="'no'"/>

  <!-- files.xsl: "assets" (the files a meeting's page links to), "css" (the brand's colours as
       CSS custom properties) or "logo" (the brand logo's path under the project). -->
  <xsl:param name="what" select="'assets'"/>

</xsl:stylesheet>
