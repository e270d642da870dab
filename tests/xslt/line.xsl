<?xml version="1.0" encoding="UTF-8"?>
<!-- md:line() on tests/xslt/lines.xml: "name line" for the root (whose start tag ends on line
     4), an attribute, the title and the first item; md:line(node-set) with the items in reverse
     order; a meeting read from xml/ with document(); the params as the stylesheet sees them. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:md="urn:motesdok:xslt" xmlns:m="urn:motesdok:meeting:1"
    exclude-result-prefixes="md m">
  <xsl:output method="text"/>
  <xsl:param name="build-date"/>
  <xsl:param name="note" select="'unset'"/>
  <xsl:template match="/">
    <xsl:for-each select="m:meeting | m:meeting/@date | m:meeting/m:title | (//m:item)[1]">
      <xsl:value-of select="concat(name(), ' ', md:line(), '&#10;')"/>
    </xsl:for-each>
    <xsl:value-of select="concat('items ', md:line(//m:item[2] | //m:item[1]), '&#10;')"/>
    <xsl:value-of select="concat('nothing ', md:line(/..), '&#10;')"/>
    <xsl:value-of select="concat('xml/ read ',
        count(document('../../xml/meetings/2024-01-30.xml')/m:meeting), '&#10;')"/>
    <xsl:value-of select="concat('built ', $build-date, '&#10;')"/>
    <xsl:value-of select="concat('note ', $note, '&#10;')"/>
  </xsl:template>
</xsl:stylesheet>
