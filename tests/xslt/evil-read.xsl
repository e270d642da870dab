<?xml version="1.0" encoding="UTF-8"?>
<!-- Reads the document named by the param target: allowed under xml/ and xsl/ only, after
     symbolic links are followed. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text"/>
  <xsl:param name="target"/>
  <xsl:template match="/">
    <xsl:value-of select="count(document($target)//*)"/>
  </xsl:template>
</xsl:stylesheet>
