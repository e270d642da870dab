<?xml version="1.0" encoding="UTF-8"?>
<!--
  The page of every motesdok PDF document: page masters (A4, the brand's margins), the first
  page with the brand's logo and organisation name, later pages with a running header, the
  footer "Sida N av M", and the attribute sets every block uses. Everything visual is
  computed from the brand ($brand:*, brand.xsl) and the master params body-size and
  heading-scale (params.xsl); the words come from sv.xml. Output stays inside
  docs/fo-subset.md. Reference: docs/documents.md.

  A driver imports params.xsl, l10n-sv.xsl, brand.xsl, this file and common.xsl, and makes
  the whole document with one call, and the blocks of the flow with a template in mode
  page:content for the same context node:
    <xsl:call-template name="page:document">
      <xsl:with-param name="kind" select="'kallelse'"/>   (an sv.xml id)
    </xsl:call-template>
    <xsl:template match="/m:meeting" mode="page:content">
      …the blocks of the flow…
    </xsl:template>
  (A content param with the blocks works too, but builds them as a result tree fragment and
  then copies it: a tenth of the transform of a long protokoll.)
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:fox="http://xmlgraphics.apache.org/fop/extensions"
    xmlns:md="urn:motesdok:xslt"
    xmlns:m="urn:motesdok:meeting:1"
    xmlns:l10n="urn:motesdok:l10n"
    xmlns:brand="urn:motesdok:brand:1"
    xmlns:page="urn:motesdok:fo-page"
    xmlns:x="adobe:ns:meta/"
    xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    exclude-result-prefixes="m l10n brand page">

  <!-- == Sizes (numbers in pt or mm), all derived from the brand and the master params == -->

  <xsl:variable name="page:body-size" select="$brand:body-size"/>
  <xsl:variable name="page:scale" select="$brand:heading-scale"/>
  <!-- Headings: level n is body-size × heading-scale^(4 − n) (params.xsl). -->
  <xsl:variable name="page:h3-size" select="$page:body-size * $page:scale"/>
  <xsl:variable name="page:h2-size" select="$page:h3-size * $page:scale"/>
  <xsl:variable name="page:h1-size" select="$page:h2-size * $page:scale"/>
  <!-- Captions, page furniture and other small text. -->
  <xsl:variable name="page:small-size" select="$page:body-size div $page:scale"/>
  <!-- The unit of vertical rhythm: one line of body text. -->
  <xsl:variable name="page:line" select="$page:body-size * $brand:line-height"/>

  <!-- The lengths the attribute sets and blocks use, as FO lengths ("10.5pt", at most two
       decimals), formatted once: an attribute set is evaluated on every use, and
       format-number() on each of thousands of blocks was a tenth of the transform. -->
  <xsl:variable name="page:body-size-pt"
      select="concat(format-number($page:body-size, '0.##'), 'pt')"/>
  <xsl:variable name="page:small-pt"
      select="concat(format-number($page:small-size, '0.##'), 'pt')"/>
  <xsl:variable name="page:h1-pt" select="concat(format-number($page:h1-size, '0.##'), 'pt')"/>
  <xsl:variable name="page:h2-pt" select="concat(format-number($page:h2-size, '0.##'), 'pt')"/>
  <xsl:variable name="page:h3-pt" select="concat(format-number($page:h3-size, '0.##'), 'pt')"/>
  <xsl:variable name="page:line-pt" select="concat(format-number($page:line, '0.##'), 'pt')"/>
  <xsl:variable name="page:line-and-half-pt"
      select="concat(format-number($page:line * 1.5, '0.##'), 'pt')"/>
  <xsl:variable name="page:half-line-pt"
      select="concat(format-number($page:line div 2, '0.##'), 'pt')"/>
  <xsl:variable name="page:quarter-line-pt"
      select="concat(format-number($page:line div 4, '0.##'), 'pt')"/>
  <xsl:variable name="page:list-distance-pt"
      select="concat(format-number($page:body-size * 1.8, '0.##'), 'pt')"/>
  <xsl:variable name="page:list-separation-pt"
      select="concat(format-number($page:body-size * 0.5, '0.##'), 'pt')"/>
  <xsl:variable name="page:facts-distance-pt"
      select="concat(format-number($page:body-size * 5, '0.##'), 'pt')"/>
  <xsl:variable name="page:decision-padding-pt"
      select="concat(format-number($page:body-size div 2, '0.##'), 'pt')"/>
  <xsl:variable name="page:cell-padding-pt"
      select="concat(format-number($page:body-size div 3, '0.##'), 'pt')"/>

  <!-- A4 portrait; the first page's header holds the logo and the organisation name. -->
  <xsl:variable name="page:width" select="210"/>
  <xsl:variable name="page:height" select="297"/>
  <xsl:variable name="page:first-before" select="number($brand:logo-height) + 10"/>
  <xsl:variable name="page:rest-before" select="10"/>
  <xsl:variable name="page:after" select="10"/>
  <xsl:variable name="page:gap" select="5"/>

  <!-- A number as an FO length: 12.5 and 'pt' give "12.5pt" (at most two decimals). -->
  <xsl:template name="page:len">
    <xsl:param name="n"/>
    <xsl:param name="unit" select="'pt'"/>
    <xsl:value-of select="concat(format-number($n, '0.##'), $unit)"/>
  </xsl:template>

  <!-- == Page masters == -->

  <!-- One simple-page-master: every master of every document comes from here. -->
  <xsl:template name="page:master">
    <xsl:param name="name"/>
    <xsl:param name="before"/>
    <xsl:param name="before-region"/>
    <xsl:param name="after-region"/>
    <fo:simple-page-master master-name="{$name}"
        page-width="{$page:width}mm" page-height="{$page:height}mm"
        margin-top="{format-number($brand:margin-top, '0.##')}mm"
        margin-bottom="{format-number($brand:margin-bottom, '0.##')}mm"
        margin-left="{format-number($brand:margin-left, '0.##')}mm"
        margin-right="{format-number($brand:margin-right, '0.##')}mm">
      <fo:region-body margin-top="{format-number($before + $page:gap, '0.##')}mm"
          margin-bottom="{format-number($page:after + $page:gap, '0.##')}mm"/>
      <fo:region-before region-name="{$before-region}"
          extent="{format-number($before, '0.##')}mm"/>
      <fo:region-after region-name="{$after-region}" extent="{$page:after}mm"/>
    </fo:simple-page-master>
  </xsl:template>

  <xsl:template name="page:layout-masters">
    <fo:layout-master-set>
      <xsl:call-template name="page:master">
        <xsl:with-param name="name" select="'first'"/>
        <xsl:with-param name="before" select="$page:first-before"/>
        <xsl:with-param name="before-region" select="'first-before'"/>
        <xsl:with-param name="after-region" select="'first-after'"/>
      </xsl:call-template>
      <xsl:call-template name="page:master">
        <xsl:with-param name="name" select="'rest'"/>
        <xsl:with-param name="before" select="$page:rest-before"/>
        <xsl:with-param name="before-region" select="'rest-before'"/>
        <xsl:with-param name="after-region" select="'rest-after'"/>
      </xsl:call-template>
      <fo:page-sequence-master master-name="document">
        <fo:repeatable-page-master-alternatives>
          <fo:conditional-page-master-reference page-position="first" master-reference="first"/>
          <fo:conditional-page-master-reference page-position="rest" master-reference="rest"/>
        </fo:repeatable-page-master-alternatives>
      </fo:page-sequence-master>
    </fo:layout-master-set>
  </xsl:template>

  <!-- == The document == -->

  <!-- The whole fo:root: masters, one page sequence (id "document", which the footer's
       page-number-citation-last cites), the static content and the flow. kind is the sv.xml
       id of the document's name ("kallelse", "protokoll" …); the flow is the context node's
       template in mode page:content (or the param content, when given);
       bodies and date make the title "Kind Bodies Date" (PDF metadata) and the running
       header, by default from the meeting. -->
  <xsl:template name="page:document">
    <xsl:param name="kind"/>
    <xsl:param name="content" select="/.."/>
    <!-- Who and when, for the title and the running header: by default the meeting's bodies
         and date; a document that is not one meeting's (the kalendarium) passes its own. -->
    <xsl:param name="bodies">
      <xsl:call-template name="l10n:join">
        <xsl:with-param name="nodes" select="/m:meeting/m:bodies/m:body"/>
      </xsl:call-template>
    </xsl:param>
    <xsl:param name="date">
      <xsl:call-template name="l10n:date-short">
        <xsl:with-param name="date" select="/m:meeting/@date"/>
      </xsl:call-template>
    </xsl:param>
    <xsl:variable name="kind-name">
      <xsl:call-template name="l10n:string">
        <xsl:with-param name="id" select="$kind"/>
      </xsl:call-template>
    </xsl:variable>
    <fo:root xml:lang="sv" language="sv" country="SE">
      <xsl:call-template name="page:layout-masters"/>
      <!-- The PDF's metadata as FOP reads it (an XMP packet): the title (FOP takes it from
           here, motesdok from fo:title: the same words), the organisation as author, what
           the document is as subject, and keywords. -->
      <fo:declarations>
        <x:xmpmeta>
          <rdf:RDF>
            <rdf:Description rdf:about="">
              <dc:title>
                <rdf:Alt>
                  <rdf:li xml:lang="x-default">
                    <xsl:value-of select="concat($kind-name, ' ', $bodies, ' ', $date)"/>
                  </rdf:li>
                </rdf:Alt>
              </dc:title>
              <dc:creator>
                <rdf:Seq>
                  <rdf:li>
                    <xsl:value-of select="$brand:name"/>
                    <xsl:if test="$brand:unit">
                      <xsl:value-of select="concat(', ', $brand:unit)"/>
                    </xsl:if>
                  </rdf:li>
                </rdf:Seq>
              </dc:creator>
              <dc:description>
                <rdf:Alt>
                  <rdf:li xml:lang="x-default">
                    <xsl:call-template name="l10n:string">
                      <xsl:with-param name="id" select="concat('subject-', $kind)"/>
                    </xsl:call-template>
                    <xsl:value-of select="concat(': ', $bodies, ', ', $date)"/>
                  </rdf:li>
                </rdf:Alt>
              </dc:description>
              <pdf:Keywords>
                <xsl:value-of select="concat($kind-name, ', ', $bodies, ', ', $brand:name)"/>
              </pdf:Keywords>
            </rdf:Description>
          </rdf:RDF>
        </x:xmpmeta>
      </fo:declarations>
      <fo:page-sequence master-reference="document" id="document"
          xsl:use-attribute-sets="page:body">
        <fo:title>
          <xsl:value-of select="concat($kind-name, ' ', $bodies, ' ', $date)"/>
        </fo:title>
        <!-- First page: logo and organisation name. -->
        <fo:static-content flow-name="first-before">
          <fo:block xsl:use-attribute-sets="page:furniture">
            <fo:external-graphic src="url('{$brand:logo-src}')"
                content-width="{format-number($brand:logo-width, '0.##')}mm"
                content-height="{$brand:logo-height}mm" fox:alt-text="{$brand:logo-alt}"/>
          </fo:block>
          <fo:block xsl:use-attribute-sets="page:furniture" font-weight="bold"
              color="{$brand:color-primary}">
            <xsl:value-of select="$brand:name"/>
            <xsl:if test="$brand:unit">
              <xsl:value-of select="concat(' · ', $brand:unit)"/>
            </xsl:if>
          </fo:block>
        </fo:static-content>
        <fo:static-content flow-name="first-after">
          <xsl:call-template name="page:footer"/>
        </fo:static-content>
        <!-- Later pages: bodies and document kind. -->
        <fo:static-content flow-name="rest-before">
          <fo:block xsl:use-attribute-sets="page:furniture" text-align-last="justify"
              border-bottom="0.5pt solid {$brand:color-rule}">
            <xsl:value-of select="$bodies"/>
            <fo:leader leader-pattern="space"/>
            <xsl:value-of select="concat($kind-name, ' ', $date)"/>
          </fo:block>
        </fo:static-content>
        <fo:static-content flow-name="rest-after">
          <xsl:call-template name="page:footer"/>
        </fo:static-content>
        <fo:flow flow-name="xsl-region-body">
          <xsl:choose>
            <xsl:when test="$content">
              <xsl:copy-of select="$content"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:apply-templates select="." mode="page:content"/>
            </xsl:otherwise>
          </xsl:choose>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <!-- The brand's footer line and "Sida N av M". -->
  <xsl:template name="page:footer">
    <fo:block xsl:use-attribute-sets="page:furniture" text-align-last="justify"
        border-top="0.5pt solid {$brand:color-rule}">
      <xsl:value-of select="$brand:footer"/>
      <fo:leader leader-pattern="space"/>
      <xsl:call-template name="l10n:string">
        <xsl:with-param name="id" select="'page'"/>
      </xsl:call-template>
      <xsl:text> </xsl:text>
      <fo:page-number/>
      <xsl:text> </xsl:text>
      <xsl:call-template name="l10n:string">
        <xsl:with-param name="id" select="'page-of'"/>
      </xsl:call-template>
      <xsl:text> </xsl:text>
      <fo:page-number-citation-last ref-id="document"/>
    </fo:block>
  </xsl:template>

  <!-- == Attribute sets == -->

  <!-- The page sequence: inherited by everything. -->
  <xsl:attribute-set name="page:body">
    <xsl:attribute name="font-family"><xsl:value-of select="$brand:body-family"/></xsl:attribute>
    <xsl:attribute name="font-size">
      <xsl:value-of select="$page:body-size-pt"/>
    </xsl:attribute>
    <xsl:attribute name="line-height"><xsl:value-of select="$brand:line-height"/></xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$brand:color-text"/></xsl:attribute>
    <xsl:attribute name="hyphenate">true</xsl:attribute>
    <xsl:attribute name="widows">2</xsl:attribute>
    <xsl:attribute name="orphans">2</xsl:attribute>
  </xsl:attribute-set>

  <!-- Header and footer text. -->
  <xsl:attribute-set name="page:furniture">
    <xsl:attribute name="font-size">
      <xsl:value-of select="$page:small-pt"/>
    </xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$brand:color-muted"/></xsl:attribute>
    <xsl:attribute name="hyphenate">false</xsl:attribute>
  </xsl:attribute-set>

  <!-- A paragraph. -->
  <xsl:attribute-set name="page:p">
    <xsl:attribute name="space-after">
      <xsl:value-of select="$page:half-line-pt"/>
    </xsl:attribute>
  </xsl:attribute-set>

  <!-- Small text: captions, notes. -->
  <xsl:attribute-set name="page:small">
    <xsl:attribute name="font-size">
      <xsl:value-of select="$page:small-pt"/>
    </xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$brand:color-muted"/></xsl:attribute>
    <xsl:attribute name="space-after">
      <xsl:value-of select="$page:half-line-pt"/>
    </xsl:attribute>
  </xsl:attribute-set>

  <!-- What every heading shares: never the last line of a page. -->
  <xsl:attribute-set name="page:heading">
    <xsl:attribute name="font-family"><xsl:value-of select="$brand:heading-family"/></xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="line-height">1.2</xsl:attribute>
    <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
    <xsl:attribute name="hyphenate">false</xsl:attribute>
    <xsl:attribute name="color"><xsl:value-of select="$brand:color-primary"/></xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="page:h1" use-attribute-sets="page:heading">
    <xsl:attribute name="role">H1</xsl:attribute>
    <xsl:attribute name="font-size">
      <xsl:value-of select="$page:h1-pt"/>
    </xsl:attribute>
    <xsl:attribute name="space-after">
      <xsl:value-of select="$page:half-line-pt"/>
    </xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="page:h2" use-attribute-sets="page:heading">
    <xsl:attribute name="role">H2</xsl:attribute>
    <xsl:attribute name="font-size">
      <xsl:value-of select="$page:h2-pt"/>
    </xsl:attribute>
    <xsl:attribute name="space-before">
      <xsl:value-of select="$page:line-and-half-pt"/>
    </xsl:attribute>
    <xsl:attribute name="space-after">
      <xsl:value-of select="$page:half-line-pt"/>
    </xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="page:h3" use-attribute-sets="page:heading">
    <xsl:attribute name="role">H3</xsl:attribute>
    <xsl:attribute name="font-size">
      <xsl:value-of select="$page:h3-pt"/>
    </xsl:attribute>
    <xsl:attribute name="space-before">
      <xsl:value-of select="$page:line-pt"/>
    </xsl:attribute>
    <xsl:attribute name="space-after">
      <xsl:value-of select="$page:quarter-line-pt"/>
    </xsl:attribute>
  </xsl:attribute-set>

  <!-- A bold run-in label ("Beslut", "Grupp 1") that is not a heading of the outline. -->
  <xsl:attribute-set name="page:label">
    <xsl:attribute name="font-weight">bold</xsl:attribute>
    <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
  </xsl:attribute-set>

  <!-- Lists: the label column is two body sizes wide. -->
  <xsl:attribute-set name="page:list">
    <xsl:attribute name="provisional-distance-between-starts">
      <xsl:value-of select="$page:list-distance-pt"/>
    </xsl:attribute>
    <xsl:attribute name="provisional-label-separation">
      <xsl:value-of select="$page:list-separation-pt"/>
    </xsl:attribute>
    <xsl:attribute name="space-after">
      <xsl:value-of select="$page:half-line-pt"/>
    </xsl:attribute>
  </xsl:attribute-set>

  <!-- Label/value lists (date, time, place): the label column is wider. -->
  <xsl:attribute-set name="page:facts" use-attribute-sets="page:list">
    <xsl:attribute name="provisional-distance-between-starts">
      <xsl:value-of select="$page:facts-distance-pt"/>
    </xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="page:list-label">
    <xsl:attribute name="end-indent">label-end()</xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="page:list-body">
    <xsl:attribute name="start-indent">body-start()</xsl:attribute>
  </xsl:attribute-set>

  <!-- Tables: full width, header rows repeat, thin rules. -->
  <xsl:attribute-set name="page:table">
    <xsl:attribute name="table-layout">fixed</xsl:attribute>
    <xsl:attribute name="width">100%</xsl:attribute>
    <xsl:attribute name="border-collapse">collapse</xsl:attribute>
    <xsl:attribute name="space-after">
      <xsl:value-of select="$page:line-pt"/>
    </xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="page:cell">
    <xsl:attribute name="border">
      <xsl:value-of select="concat('0.5pt solid ', $brand:color-rule)"/>
    </xsl:attribute>
    <xsl:attribute name="padding">
      <xsl:value-of select="$page:cell-padding-pt"/>
    </xsl:attribute>
  </xsl:attribute-set>

  <xsl:attribute-set name="page:header-cell" use-attribute-sets="page:cell">
    <xsl:attribute name="background-color">
      <xsl:value-of select="$brand:color-table-header-background"/>
    </xsl:attribute>
    <xsl:attribute name="font-weight">bold</xsl:attribute>
  </xsl:attribute-set>

  <!-- A decision: set apart with a coloured rule at the start and a tinted background. -->
  <xsl:attribute-set name="page:decision">
    <xsl:attribute name="border-start-width">3pt</xsl:attribute>
    <xsl:attribute name="border-start-style">solid</xsl:attribute>
    <xsl:attribute name="border-start-color">
      <xsl:value-of select="$brand:color-primary"/>
    </xsl:attribute>
    <xsl:attribute name="background-color">
      <xsl:value-of select="$brand:color-table-header-background"/>
    </xsl:attribute>
    <xsl:attribute name="padding">
      <xsl:value-of select="$page:decision-padding-pt"/>
    </xsl:attribute>
    <xsl:attribute name="space-after">
      <xsl:value-of select="$page:half-line-pt"/>
    </xsl:attribute>
  </xsl:attribute-set>

  <!-- A group of blocks with a label (discussion group, proposal …): indented a little. -->
  <xsl:attribute-set name="page:group">
    <xsl:attribute name="margin-left">
      <xsl:value-of select="$page:body-size-pt"/>
    </xsl:attribute>
    <xsl:attribute name="space-after">
      <xsl:value-of select="$page:half-line-pt"/>
    </xsl:attribute>
  </xsl:attribute-set>

  <!-- A link in running text. -->
  <xsl:attribute-set name="page:link">
    <xsl:attribute name="color"><xsl:value-of select="$brand:color-link"/></xsl:attribute>
    <xsl:attribute name="text-decoration">underline</xsl:attribute>
  </xsl:attribute-set>

</xsl:stylesheet>
