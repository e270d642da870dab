<?xml version="1.0" encoding="UTF-8"?>
<!-- xsl:message: a warning naming the meeting's title, then the catch-all of STYLE.md §9
     that stops the transform on the first <place>. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:md="urn:motesdok:xslt" xmlns:m="urn:motesdok:meeting:1"
    exclude-result-prefixes="md m">
  <xsl:output method="text"/>
  <xsl:template match="/">
    <xsl:apply-templates select="m:meeting/m:title | m:meeting/m:place"/>
  </xsl:template>
  <xsl:template match="m:title">
    <xsl:message>the title "<xsl:value-of select="."/>" is long</xsl:message>
    <xsl:value-of select="."/>
  </xsl:template>
  <xsl:template match="m:*">
    <xsl:message terminate="yes">
      <xsl:value-of select="concat('no template for &lt;', local-name(), '&gt; on line ',
                                   md:line(), '; add one to the stylesheet')"/>
    </xsl:message>
  </xsl:template>
</xsl:stylesheet>
