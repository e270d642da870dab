<?xml version="1.0" encoding="UTF-8"?>
<!--
  Plain-text answers src/site.c needs to write the site's files (stylesheets may not write
  files themselves), chosen by the param "what":
    assets  one path per line, relative to the meeting's folder: the images and attachments
            the meeting's page links to (src/site.c copies them beside the page);
    css     the brand's colours and fonts as CSS custom properties (the top of style.css);
    logo    the brand logo's path under the project (copied to logo.svg).
  Reference: docs/site.md.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:m="urn:motesdok:meeting:1"
    xmlns:brand="urn:motesdok:brand:1"
    exclude-result-prefixes="m brand">

  <xsl:import href="../lib/params.xsl"/>
  <xsl:import href="../lib/l10n-sv.xsl"/>
  <xsl:import href="../lib/brand.xsl"/>
  <xsl:import href="params.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="$what = 'css'">
        <xsl:call-template name="css"/>
      </xsl:when>
      <xsl:when test="$what = 'logo'">
        <xsl:value-of select="concat($brand:logo-src, '&#10;')"/>
      </xsl:when>
      <xsl:otherwise>
        <!-- The same items the page shows: closed items only with show-closed. -->
        <xsl:for-each select="/m:meeting/m:agenda/m:item[not(@public = 'no') or
                                $show-closed = 'yes']//m:image/@src
                              | /m:meeting/m:attachments/m:attachment/@src">
          <xsl:value-of select="concat(., '&#10;')"/>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="css">
    <xsl:text>/* The brand's colours and fonts (</xsl:text>
    <xsl:value-of select="$brand:file"/>
    <xsl:text>), made by xsl/site/files.xsl; the rules follow from xsl/site/style.css. */&#10;</xsl:text>
    <xsl:text>:root {&#10;</xsl:text>
    <xsl:value-of select="concat('  --primary: ', $brand:color-primary, ';&#10;')"/>
    <xsl:value-of select="concat('  --secondary: ', $brand:color-secondary, ';&#10;')"/>
    <xsl:value-of select="concat('  --accent: ', $brand:color-accent, ';&#10;')"/>
    <xsl:value-of select="concat('  --text: ', $brand:color-text, ';&#10;')"/>
    <xsl:value-of select="concat('  --muted: ', $brand:color-muted, ';&#10;')"/>
    <xsl:value-of select="concat('  --rule: ', $brand:color-rule, ';&#10;')"/>
    <xsl:value-of select="concat('  --th-background: ', $brand:color-table-header-background,
                                 ';&#10;')"/>
    <xsl:value-of select="concat('  --link: ', $brand:color-link, ';&#10;')"/>
    <xsl:value-of select="concat('  --background: ', $brand:color-background, ';&#10;')"/>
    <xsl:value-of select="concat('  --body-font: ', $brand:body-family, ';&#10;')"/>
    <xsl:value-of select="concat('  --heading-font: ', $brand:heading-family, ';&#10;')"/>
    <xsl:text>}&#10;&#10;</xsl:text>
  </xsl:template>

</xsl:stylesheet>
