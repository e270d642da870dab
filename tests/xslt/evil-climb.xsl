<?xml version="1.0" encoding="UTF-8"?>
<!-- Malicious: climbs out of the project with a relative path (resolved against this file). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text"/>
  <xsl:template match="/">
    <xsl:value-of select="document('../../x')"/>
  </xsl:template>
</xsl:stylesheet>
