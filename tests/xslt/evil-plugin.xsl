<?xml version="1.0" encoding="UTF-8"?>
<!-- Malicious: an unknown extension namespace, for which libxslt would look for a plug-in
     module to load. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:ev="http://evil.example.org/plugin" extension-element-prefixes="ev">
  <xsl:template match="/">
    <ev:run/>
  </xsl:template>
</xsl:stylesheet>
