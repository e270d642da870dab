<?xml version="1.0" encoding="UTF-8"?>
<!-- An XPath syntax error and an unknown instruction: compile errors with their lines. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/">
    <xsl:value-of select="1 +"/>
    <xsl:valueof select="1"/>
  </xsl:template>
</xsl:stylesheet>
