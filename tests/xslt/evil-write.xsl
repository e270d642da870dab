<?xml version="1.0" encoding="UTF-8"?>
<!-- Malicious: EXSLT's exsl:document writes a file (tests/unit/xslt_test.c expects a refusal
     and no file). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl">
  <xsl:output method="text"/>
  <xsl:param name="target" select="'/tmp/x'"/>
  <xsl:template match="/">
    <exsl:document href="{$target}" method="text">owned</exsl:document>
  </xsl:template>
</xsl:stylesheet>
