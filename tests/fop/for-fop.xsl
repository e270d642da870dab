<?xml version="1.0" encoding="UTF-8"?>
<!-- Prepares a layout tree for the differential test (tests/suites/46-fop.sh); both motesdok
     and Apache FOP typeset the result. It changes only what is not about typesetting:
     - fo:static-content is removed: headers and footers repeat on every page, so when the two
       typesetters break pages at different places ("page counts within one") their text would
       land at different places in the extracted text; the flow is what is compared;
     - md:src attributes (the meeting line, for motesdok's messages) are removed: FOP's strict
       validation refuses attributes in other namespaces on FO elements;
     - src="url('images/…')" becomes xml/meetings/images/…: motesdok looks images/ up in
       xml/meetings/ first (docs/fo-subset.md), FOP only against its base, the project root. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:md="urn:motesdok:xslt">
  <xsl:template match="@* | node()">
    <xsl:copy><xsl:apply-templates select="@* | node()"/></xsl:copy>
  </xsl:template>
  <xsl:template match="fo:static-content | @md:*"/>
  <xsl:template match="fo:external-graphic/@src[starts-with(., &quot;url('images/&quot;)]">
    <xsl:attribute name="src">
      <xsl:value-of select="concat(&quot;url('xml/meetings/&quot;, substring-after(., &quot;url('&quot;))"/>
    </xsl:attribute>
  </xsl:template>
</xsl:stylesheet>
