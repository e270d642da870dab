<?xml version="1.0" encoding="UTF-8"?>
<!-- Malicious: reads from the network with document(). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text"/>
  <xsl:template match="/">
    <xsl:value-of select="document('http://example.org/x')"/>
  </xsl:template>
</xsl:stylesheet>
