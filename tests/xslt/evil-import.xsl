<?xml version="1.0" encoding="UTF-8"?>
<!-- Malicious: imports a file outside xsl/. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="/etc/passwd"/>
  <xsl:template match="/"/>
</xsl:stylesheet>
