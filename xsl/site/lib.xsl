<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the site's stylesheets share (xsl/html.xsl, xsl/site/digest.xsl): the site's words,
  anchors that the meeting page and the page of uppdrag must agree on, file sizes.
  Reference: docs/site.md.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:m="urn:motesdok:meeting:1"
    xmlns:l10n="urn:motesdok:l10n"
    xmlns:site="urn:motesdok:site"
    exclude-result-prefixes="m l10n site">

  <!-- The site's own strings (document() resolves against this file), found by id with the
       key site:string (key() looks in the document of the context node, so a lookup first
       makes this sv.xml the context: a filter [@id = $id] compares the id with every string
       on each call, thousands of calls for the shared pages of a large archive). -->
  <xsl:variable name="site:strings" select="document('sv.xml')/l10n:strings"/>
  <xsl:key name="site:string" match="l10n:s" use="@id"/>

  <!-- The string with this id: xsl/site/sv.xml, else xsl/lib/sv.xml (l10n:string stops the
       transform when neither has it). -->
  <xsl:template name="site:s">
    <xsl:param name="id"/>
    <xsl:variable name="found">
      <xsl:for-each select="$site:strings">
        <xsl:if test="key('site:string', $id)">yes</xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$found = 'yes'">
        <xsl:for-each select="$site:strings">
          <xsl:value-of select="key('site:string', $id)"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <!-- Here, so that a missing string is reported at the caller's node. -->
        <xsl:call-template name="l10n:string">
          <xsl:with-param name="id" select="$id"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The anchor of the context item on its meeting's page: its id, else "punkt-N". -->
  <xsl:template name="site:item-anchor">
    <xsl:choose>
      <xsl:when test="@id">
        <xsl:value-of select="@id"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat('punkt-', count(preceding-sibling::m:item) + 1)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The anchor of the context action: its id, else "uppdrag-N" (N-th action of the meeting). -->
  <xsl:template name="site:action-anchor">
    <xsl:choose>
      <xsl:when test="@id">
        <xsl:value-of select="@id"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat('uppdrag-', count(preceding::m:action) + 1)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A file size as the page prints it: "84 kB" (1 kB = 1000 bytes, at least 1) below one
       million bytes, else "1,2 MB" (one decimal, decimal comma); no-break space before the unit. -->
  <xsl:template name="site:size">
    <xsl:param name="bytes"/>
    <xsl:variable name="unit-id">
      <xsl:choose>
        <xsl:when test="number($bytes) &lt; 999500">kilobyte</xsl:when>
        <xsl:otherwise>megabyte</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$unit-id = 'kilobyte'">
        <xsl:call-template name="l10n:number">
          <xsl:with-param name="value"
              select="string(round(number($bytes) div 1000) + number(number($bytes) &lt; 500))"/>
          <xsl:with-param name="decimals" select="0"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="l10n:number">
          <xsl:with-param name="value" select="string(round(number($bytes) div 100000) div 10)"/>
          <xsl:with-param name="decimals" select="1"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:text>&#160;</xsl:text>
    <xsl:call-template name="site:s">
      <xsl:with-param name="id" select="$unit-id"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The kind of the meeting's document as a label: "Kallelse", "Minnesanteckningar",
       "Protokoll". -->
  <xsl:template name="site:kind">
    <xsl:param name="kind" select="/m:meeting/@kind"/>
    <xsl:call-template name="site:s">
      <xsl:with-param name="id" select="$kind"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
