<?xml version="1.0" encoding="UTF-8"?>
<!--
  A meeting's digest for the site's shared pages: src/site.c runs this on every meeting and
  puts the results in one <sd:site> document, from which xsl/html.xsl makes the index, the
  calendar page and the page of uppdrag. A digest holds what those pages show and nothing
  else: the meeting's facts, its PDFs, its uppdrag (with their persons copied in, since ids
  are unique only within a meeting) and the events of its kalendarium.

  Event keys: two rows that announce the same thing get the same key, so the calendar page
  shows it once (the same rule as the iCalendar UIDs of docs/ics.md): day or month or term,
  start time, and the bodies' ids sorted, else the title in lower case.
  Reference: docs/site.md.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:m="urn:motesdok:meeting:1"
    xmlns:l10n="urn:motesdok:l10n"
    xmlns:site="urn:motesdok:site"
    xmlns:sd="urn:motesdok:site:1"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="l10n site str">

  <xsl:import href="../lib/params.xsl"/>
  <xsl:import href="../lib/l10n-sv.xsl"/>
  <xsl:import href="params.xsl"/>
  <xsl:import href="lib.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" omit-xml-declaration="yes" indent="no"/>

  <xsl:key name="site:person" match="m:person" use="@id"/>

  <xsl:template match="/m:meeting">
    <sd:meeting name="{$name}" date="{@date}" start="{@start}" end="{@end}" kind="{@kind}"
        status="{@status}" kallelse-pdf-bytes="{$kallelse-pdf-bytes}"
        protokoll-pdf-bytes="{$protokoll-pdf-bytes}">
      <xsl:copy-of select="m:title | m:bodies | m:place"/>
      <xsl:apply-templates select="m:agenda/m:item[not(@public = 'no') or $show-closed = 'yes']
                                   //m:action" mode="digest"/>
      <xsl:call-template name="site:meeting-event"/>
      <xsl:apply-templates select="m:agenda/m:item[not(@public = 'no') or $show-closed = 'yes']
                                   //m:calendar/m:entry" mode="digest"/>
    </sd:meeting>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- An uppdrag, with its item, its persons and its text. -->
  <xsl:template match="m:action" mode="digest">
    <xsl:variable name="anchor">
      <xsl:call-template name="site:action-anchor"/>
    </xsl:variable>
    <sd:action anchor="{$anchor}">
      <xsl:copy-of select="@id | @due | @follows | @closes | @status"/>
      <xsl:for-each select="ancestor::m:item[1]">
        <sd:item>
          <xsl:attribute name="anchor">
            <xsl:call-template name="site:item-anchor"/>
          </xsl:attribute>
          <xsl:copy-of select="@n | @paragraph"/>
          <xsl:copy-of select="m:title"/>
        </sd:item>
      </xsl:for-each>
      <sd:who>
        <xsl:copy-of select="key('site:person', str:tokenize(@who))"/>
      </sd:who>
      <sd:text>
        <xsl:copy-of select="node()"/>
      </sd:text>
    </sd:action>
  </xsl:template>

  <!-- The meeting itself as an event of the calendar. -->
  <xsl:template name="site:meeting-event">
    <xsl:variable name="ids">
      <xsl:for-each select="m:bodies/m:body/@id">
        <xsl:sort select="."/>
        <xsl:value-of select="concat(., ' ')"/>
      </xsl:for-each>
    </xsl:variable>
    <sd:event source="meeting" from="{@date}" date="{@date}" sort="{@date} {@start}"
        key="{@date}|{@start}|{normalize-space($ids)}" status="{@status}">
      <sd:time start="{@start}" end="{@end}"/>
      <xsl:copy-of select="m:place"/>
      <m:title>
        <xsl:choose>
          <xsl:when test="m:title">
            <xsl:copy-of select="m:title/node()"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="l10n:join">
              <xsl:with-param name="nodes" select="m:bodies/m:body"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </m:title>
    </sd:event>
  </xsl:template>

  <!-- A row of the meeting's kalendarium. -->
  <xsl:template match="m:entry" mode="digest">
    <xsl:variable name="day">
      <xsl:value-of select="@date"/>
      <xsl:value-of select="@month"/>
      <xsl:value-of select="@term"/>
    </xsl:variable>
    <!-- Sortable day: a month sorts on its 1st, VT on 1 January, HT on 1 August. -->
    <xsl:variable name="sort-day">
      <xsl:choose>
        <xsl:when test="@date">
          <xsl:value-of select="@date"/>
        </xsl:when>
        <xsl:when test="@month">
          <xsl:value-of select="concat(@month, '-01')"/>
        </xsl:when>
        <xsl:when test="starts-with(@term, 'HT')">
          <xsl:value-of select="concat(substring(@term, 3), '-08-01')"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="concat(substring(@term, 3), '-01-01')"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="who">
      <xsl:choose>
        <xsl:when test="normalize-space(@bodies) != ''">
          <xsl:for-each select="str:tokenize(@bodies)">
            <xsl:sort select="."/>
            <xsl:value-of select="concat(., ' ')"/>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of
              select="translate(normalize-space(m:title), $l10n:upper, $l10n:lower)"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <sd:event source="entry" from="{/m:meeting/@date}" sort="{$sort-day} {m:time[1]/@start}"
        key="{$day}|{m:time[1]/@start}|{normalize-space($who)}">
      <xsl:copy-of select="@date | @month | @term | @status"/>
      <xsl:for-each select="m:time">
        <sd:time start="{@start}" end="{@end}"/>
      </xsl:for-each>
      <xsl:copy-of select="m:place | m:title | m:note"/>
    </sd:event>
  </xsl:template>

</xsl:stylesheet>
