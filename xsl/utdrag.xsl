<?xml version="1.0" encoding="UTF-8"?>
<!--
  Protokollsutdrag: the extract of one paragraph of a formal protokoll, as a municipality sends
  it to the parties concerned. The heading of the protokoll (organ, date, time, place), the
  paragraph with its whole content and decision, the justering (justerare, time and place, a
  line for the justerare's signature), for a body of type "namnd" the ANSLAG/BEVIS block with
  this paragraph's omedelbar justering, and the Utdragsbestyrkande with the secretary's line.
  The paragraph comes in as the param "paragraph" (motesdok utdrag MEETING PARAGRAF); a number
  the meeting does not have stops the transform with the numbers it has.
  Builds on protokoll.xsl by import; words: xsl/lib/sv.xml. Reference: docs/documents.md.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:md="urn:motesdok:xslt"
    xmlns:m="urn:motesdok:meeting:1"
    xmlns:common="urn:motesdok:common"
    xmlns:page="urn:motesdok:fo-page"
    xmlns:l10n="urn:motesdok:l10n"
    xmlns:protokoll="urn:motesdok:protokoll"
    xmlns:utdrag="urn:motesdok:utdrag"
    exclude-result-prefixes="m l10n common page protokoll utdrag">

  <xsl:import href="protokoll.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:template match="/m:meeting">
    <xsl:variable name="item" select="m:agenda/m:item[@paragraph = $paragraph]"/>
    <xsl:call-template name="utdrag:check">
      <xsl:with-param name="item" select="$item"/>
    </xsl:call-template>
    <xsl:call-template name="page:document">
      <xsl:with-param name="kind" select="'extract'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The flow (page:document applies this to the meeting). -->
  <xsl:template match="/m:meeting" mode="page:content">
    <xsl:variable name="item" select="m:agenda/m:item[@paragraph = $paragraph]"/>
    <xsl:call-template name="common:title-block">
      <xsl:with-param name="heading">
        <xsl:call-template name="common:s">
          <xsl:with-param name="id" select="'extract'"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="subtitle">
        <xsl:call-template name="common:bodies"/>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:apply-templates select="$item" mode="protokoll"/>
    <xsl:call-template name="protokoll:approval"/>
    <!-- One line per justerare, the name printed below it (an unnamed line when the
         meeting names none yet). -->
    <xsl:for-each select="m:approval">
      <xsl:variable name="approvers" select="key('common:person', m:approver/@ref)"/>
      <xsl:for-each select="$approvers">
        <xsl:call-template name="protokoll:signature-line">
          <xsl:with-param name="id" select="'approver-signature'"/>
          <xsl:with-param name="person" select="."/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:if test="not($approvers)">
        <xsl:call-template name="protokoll:signature-line">
          <xsl:with-param name="id" select="'approver-signature'"/>
          <xsl:with-param name="person" select="/.."/>
        </xsl:call-template>
      </xsl:if>
    </xsl:for-each>
    <xsl:if test="$protokoll:notice = 'yes'">
      <xsl:choose>
        <!-- Justerad omedelbart: the anslag counts from the meeting day. -->
        <xsl:when test="$item/@immediate-approval = 'yes'">
          <xsl:call-template name="protokoll:notice">
            <xsl:with-param name="items" select="/.."/>
            <xsl:with-param name="approved" select="string(@date)"/>
          </xsl:call-template>
        </xsl:when>
        <!-- Otherwise from the justering day; other paragraphs are not listed. -->
        <xsl:otherwise>
          <xsl:call-template name="protokoll:notice">
            <xsl:with-param name="items" select="/.."/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
    <fo:block keep-together.within-page="always" md:src="{md:line()}">
      <xsl:call-template name="protokoll:h2">
        <xsl:with-param name="id" select="'extract-certified'"/>
      </xsl:call-template>
      <fo:block xsl:use-attribute-sets="page:p" md:src="{md:line()}">
        <xsl:call-template name="common:s">
          <xsl:with-param name="id" select="'extract-certified-text'"/>
        </xsl:call-template>
      </fo:block>
      <xsl:call-template name="protokoll:signature-line">
        <xsl:with-param name="id" select="'signature'"/>
        <xsl:with-param name="person" select="$common:secretary"/>
      </xsl:call-template>
    </fo:block>
  </xsl:template>

  <!-- Stops the transform unless the meeting is a formal protokoll with this paragraph. -->
  <xsl:template name="utdrag:check">
    <xsl:param name="item"/>
    <xsl:variable name="have">
      <xsl:for-each select="m:agenda/m:item/@paragraph">
        <xsl:if test="position() &gt; 1">, </xsl:if>
        <xsl:value-of select="."/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$protokoll:formal != 'yes' or $have = ''">
        <xsl:message terminate="yes">
          <xsl:value-of select="concat('this meeting is kind=&quot;', @kind,
              '&quot; and has no paragraph numbers; a protokollsutdrag needs a formal',
              ' protokoll (kind=&quot;protokoll&quot;, items with paragraph=&quot;N&quot;)')"/>
        </xsl:message>
      </xsl:when>
      <xsl:when test="count($item) != 1">
        <xsl:message terminate="yes">
          <xsl:value-of select="concat('no &#167; ', $paragraph,
              ' in this protokoll; its &#167;&#167; are ', $have,
              '; give one of them as PARAGRAF=N')"/>
        </xsl:message>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
