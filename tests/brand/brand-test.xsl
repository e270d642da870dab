<?xml version="1.0" encoding="UTF-8"?>
<!--
  Prints every variable of xsl/lib/brand.xsl, one "name value" line each, for the brand
  named by the brand param. tests/unit/brand_test.c runs it through md_xslt (as production
  does) for each brand and compares the output with tests/brand/NAME.expected.
  The input document does not matter.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:brand="urn:motesdok:brand:1"
    exclude-result-prefixes="brand">

  <xsl:import href="../../xsl/lib/params.xsl"/>
  <xsl:import href="../../xsl/lib/brand.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:call-template name="line"><xsl:with-param name="n" select="'file'"/><xsl:with-param name="v" select="$brand:file"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="n" select="'name'"/><xsl:with-param name="v" select="$brand:name"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="n" select="'short-name'"/><xsl:with-param name="v" select="$brand:short-name"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="n" select="'unit'"/><xsl:with-param name="v" select="$brand:unit"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="n" select="'postal-address'"/><xsl:with-param name="v" select="$brand:postal-address"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="n" select="'postal-lines'"/><xsl:with-param name="v" select="count($brand:postal-lines)"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="n" select="'visiting-address'"/><xsl:with-param name="v" select="$brand:visiting-address"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="n" select="'phone'"/><xsl:with-param name="v" select="$brand:phone"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="n" select="'email'"/><xsl:with-param name="v" select="$brand:email"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="n" select="'web'"/><xsl:with-param name="v" select="$brand:web"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="n" select="'web-url'"/><xsl:with-param name="v" select="$brand:web-url"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="n" select="'logo-src'"/><xsl:with-param name="v" select="$brand:logo-src"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="n" select="'logo-alt'"/><xsl:with-param name="v" select="$brand:logo-alt"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="n" select="'logo-width'"/><xsl:with-param name="v" select="$brand:logo-width"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="n" select="'logo-height'"/><xsl:with-param name="v" select="$brand:logo-height"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="n" select="'logo-title'"/><xsl:with-param name="v" select="string($brand:logo-svg/*[local-name() = 'title'])"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="n" select="'color-primary'"/><xsl:with-param name="v" select="$brand:color-primary"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="n" select="'color-secondary'"/><xsl:with-param name="v" select="$brand:color-secondary"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="n" select="'color-accent'"/><xsl:with-param name="v" select="$brand:color-accent"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="n" select="'color-text'"/><xsl:with-param name="v" select="$brand:color-text"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="n" select="'color-muted'"/><xsl:with-param name="v" select="$brand:color-muted"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="n" select="'color-rule'"/><xsl:with-param name="v" select="$brand:color-rule"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="n" select="'color-table-header-background'"/><xsl:with-param name="v" select="$brand:color-table-header-background"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="n" select="'color-link'"/><xsl:with-param name="v" select="$brand:color-link"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="n" select="'color-background'"/><xsl:with-param name="v" select="$brand:color-background"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="n" select="'body-family'"/><xsl:with-param name="v" select="$brand:body-family"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="n" select="'heading-family'"/><xsl:with-param name="v" select="$brand:heading-family"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="n" select="'mono-family'"/><xsl:with-param name="v" select="$brand:mono-family"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="n" select="'body-size'"/><xsl:with-param name="v" select="$brand:body-size"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="n" select="'heading-scale'"/><xsl:with-param name="v" select="$brand:heading-scale"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="n" select="'line-height'"/><xsl:with-param name="v" select="$brand:line-height"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="n" select="'margins'"/><xsl:with-param name="v" select="concat($brand:margin-top, ' ', $brand:margin-right, ' ', $brand:margin-bottom, ' ', $brand:margin-left)"/></xsl:call-template>
    <xsl:call-template name="line"><xsl:with-param name="n" select="'footer'"/><xsl:with-param name="v" select="$brand:footer"/></xsl:call-template>
    <!-- Every variable is a string or a number, none a result tree fragment. -->
    <xsl:call-template name="line"><xsl:with-param name="n" select="'empty-unit-is-false'"/><xsl:with-param name="v" select="not(boolean($brand:unit)) = ($brand:unit = '')"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="line">
    <xsl:param name="n"/>
    <xsl:param name="v"/>
    <xsl:value-of select="concat($n, ' ', $v, '&#10;')"/>
  </xsl:template>

</xsl:stylesheet>
