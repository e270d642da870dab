<?xml version="1.0" encoding="UTF-8"?>
<!--
  Every xsl:param of motesdok's stylesheets, with its default: drivers import this file and
  motesdok (src/xslt.c, md_xslt_run) sets them as strings. Nothing else lives here.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- Build date YYYY-MM-DD, from SOURCE_DATE_EPOCH or else the meeting's date; never the clock. -->
  <xsl:param name="build-date" select="''"/>

  <!-- Brand: a name such as 'exempel' (xml/brand/exempel.xml) or a path under xml/brand/;
       brand.xsl reads organisation, logo, colours, fonts and sizes from it. -->
  <xsl:param name="brand" select="'orebro'"/>

  <!-- Language of the documents; "sv" is the only one (xsl/lib/l10n-sv.xsl, sv.xml). -->
  <xsl:param name="lang" select="'sv'"/>

  <!-- Body text size in pt; empty: the brand file's <type body-size-pt>. The attribute sets
       derive headings, leading and spacing from it. -->
  <xsl:param name="body-size" select="''"/>

  <!-- Size ratio between heading levels (level n is body-size × heading-scale^(4 − n));
       empty: the brand file's <type heading-scale>. -->
  <xsl:param name="heading-scale" select="''"/>

  <!-- Paper size of the PDF documents: "A4" (portrait). -->
  <xsl:param name="paper" select="'A4'"/>

  <!-- "yes" marks every page as a draft ("Utkast") and lets a protokoll lack its justering. -->
  <xsl:param name="draft" select="'no'"/>

  <!-- "yes" keeps items with public="no" (a copy for the members); published copies omit them. -->
  <xsl:param name="show-closed" select="'no'"/>

  <!-- Year of the kalendarium (kalender.xsl), e.g. "2024"; empty for the meeting's own year. -->
  <xsl:param name="year" select="''"/>

  <!-- The § number of a protokollsutdrag (utdrag.xsl), e.g. "13"; motesdok utdrag sets it. -->
  <xsl:param name="paragraph" select="''"/>

  <!-- Address the HTML site is published under (html.xsl), ending in "/"; "/" for a local copy. -->
  <xsl:param name="site-base" select="'/'"/>

</xsl:stylesheet>
