<?xml version="1.0" encoding="UTF-8"?>
<!--
  The kallelse (notice) of a meeting: the bodies, date, time and place, who is invited, the
  numbered agenda with presenters and the first paragraph of each item, how to report absence
  and the secretary's contact. Words: xsl/lib/sv.xml; layout: xsl/lib/fo-page.xsl; shared
  content: xsl/lib/common.xsl. Reference: docs/documents.md; test: tests/unit/docs_test.c.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:md="urn:motesdok:xslt"
    xmlns:m="urn:motesdok:meeting:1"
    xmlns:common="urn:motesdok:common"
    xmlns:page="urn:motesdok:fo-page"
    xmlns:kallelse="urn:motesdok:kallelse"
    exclude-result-prefixes="m common page kallelse">

  <xsl:import href="lib/params.xsl"/>
  <xsl:import href="lib/l10n-sv.xsl"/>
  <xsl:import href="lib/brand.xsl"/>
  <xsl:import href="lib/fo-page.xsl"/>
  <xsl:import href="lib/common.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:template match="/m:meeting">
    <xsl:call-template name="page:document">
      <xsl:with-param name="kind" select="'kallelse'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The flow (page:document applies this to the meeting). -->
  <xsl:template match="/m:meeting" mode="page:content">
    <xsl:call-template name="common:title-block">
      <xsl:with-param name="heading">
        <xsl:call-template name="common:s">
          <xsl:with-param name="id" select="'kallelse'"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="subtitle">
        <xsl:call-template name="common:bodies"/>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:apply-templates select="m:participants" mode="kallelse"/>
    <xsl:apply-templates select="m:agenda" mode="kallelse"/>
    <xsl:if test="$common:secretary">
      <xsl:call-template name="kallelse:absence"/>
    </xsl:if>
  </xsl:template>

  <!-- Who is invited: every group, with roles and parties. -->
  <xsl:template match="m:participants" mode="kallelse">
    <xsl:call-template name="common:heading">
      <xsl:with-param name="level" select="'h2'"/>
      <xsl:with-param name="text">
        <xsl:call-template name="common:s">
          <xsl:with-param name="id" select="'invited'"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="common:participants"/>
  </xsl:template>

  <xsl:template match="m:agenda" mode="kallelse">
    <xsl:call-template name="common:heading">
      <xsl:with-param name="level" select="'h2'"/>
      <xsl:with-param name="text">
        <xsl:call-template name="common:s">
          <xsl:with-param name="id" select="'agenda'"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:apply-templates select="m:item" mode="kallelse"/>
  </xsl:template>

  <!-- An item: number and title, presenters, and the first paragraph as its description
       (nothing of a closed item). -->
  <xsl:template match="m:item" mode="kallelse">
    <xsl:variable name="shown">
      <xsl:call-template name="common:shown"/>
    </xsl:variable>
    <xsl:call-template name="common:item-heading"/>
    <xsl:call-template name="common:presenters"/>
    <xsl:if test="$shown = 'yes'">
      <xsl:apply-templates select="m:p[1]"/>
      <!-- A description that ends in a colon introduces the list after it (the questions a
           discussion starts from); the list belongs to it. -->
      <xsl:variable name="last" select="normalize-space(m:p[1])"/>
      <xsl:if test="substring($last, string-length($last)) = ':'">
        <xsl:apply-templates select="m:p[1]/following-sibling::*[1][self::m:list]"/>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- How to report absence: to the secretary, by name and e-mail (sv.xml: absence-to), and
       the secretary's contact below it. -->
  <xsl:template name="kallelse:absence">
    <xsl:for-each select="$common:secretary">
      <xsl:call-template name="common:heading">
        <xsl:with-param name="level" select="'h2'"/>
        <xsl:with-param name="text">
          <xsl:call-template name="common:s">
            <xsl:with-param name="id" select="'absence-heading'"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <!-- The sentence and the contact stay on one page. -->
      <fo:block keep-together.within-page="always" md:src="{md:line()}">
        <fo:block xsl:use-attribute-sets="page:p" md:src="{md:line()}">
          <xsl:call-template name="common:s">
            <xsl:with-param name="id" select="'absence-to'"/>
          </xsl:call-template>
          <xsl:text> </xsl:text>
          <fo:inline hyphenate="false" keep-together.within-line="always">
            <xsl:value-of select="normalize-space(m:name)"/>
          </fo:inline>
          <xsl:if test="$common:secretary-email != ''">
            <xsl:text>, </xsl:text>
            <xsl:call-template name="common:s">
              <xsl:with-param name="id" select="'email-lower'"/>
            </xsl:call-template>
            <xsl:text> </xsl:text>
            <xsl:call-template name="kallelse:mail"/>
          </xsl:if>
          <xsl:text>.</xsl:text>
        </fo:block>
        <xsl:call-template name="kallelse:contact"/>
      </fo:block>
    </xsl:for-each>
  </xsl:template>

  <!-- The secretary's contact, one label/value row under the absence sentence (a section of
       its own took a page of its own when the agenda filled page 2): name, role,
       organisation, e-mail. -->
  <xsl:template name="kallelse:contact">
    <fo:list-block xsl:use-attribute-sets="page:facts" md:src="{md:line()}">
      <xsl:call-template name="common:fact">
        <xsl:with-param name="label" select="'contact'"/>
        <xsl:with-param name="value">
          <fo:inline hyphenate="false" keep-together.within-line="always">
            <xsl:value-of select="normalize-space(m:name)"/>
          </fo:inline>
          <xsl:call-template name="common:roles"/>
          <xsl:if test="m:org">
            <xsl:value-of select="concat(', ', normalize-space(m:org))"/>
          </xsl:if>
          <xsl:if test="$common:secretary-email != ''">
            <xsl:text>, </xsl:text>
            <xsl:call-template name="common:s">
              <xsl:with-param name="id" select="'email-lower'"/>
            </xsl:call-template>
            <xsl:text> </xsl:text>
            <xsl:call-template name="kallelse:mail"/>
          </xsl:if>
        </xsl:with-param>
      </xsl:call-template>
    </fo:list-block>
  </xsl:template>

  <xsl:template name="kallelse:mail">
    <fo:basic-link external-destination="url('mailto:{$common:secretary-email}')"
        xsl:use-attribute-sets="page:link">
      <xsl:value-of select="$common:secretary-email"/>
    </fo:basic-link>
  </xsl:template>

</xsl:stylesheet>
