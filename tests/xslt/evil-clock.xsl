<?xml version="1.0" encoding="UTF-8"?>
<!-- Forbidden: reads the clock, so the output would differ from build to build.
     tools/check-xsl.sh must reject this file; md_xslt_run must refuse the call. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:date="http://exslt.org/dates-and-times">
  <xsl:output method="text"/>
  <xsl:template match="/">
    <xsl:value-of select="date:date-time()"/>
  </xsl:template>
</xsl:stylesheet>
