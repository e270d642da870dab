<?xml version="1.0" encoding="UTF-8"?>
<!-- Calls a function no one provides, in a namespace libxslt would look for a plug-in for. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:ev="http://evil.example.org/plugin">
  <xsl:output method="text"/>
  <xsl:template match="/">
    <xsl:value-of select="ev:run('x')"/>
  </xsl:template>
</xsl:stylesheet>
