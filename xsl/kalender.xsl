<?xml version="1.0" encoding="UTF-8"?>
<!--
  The kalendarium of one year: every meeting of the archive held, planned or cancelled that
  year, and every calendar entry the meetings announce for it, merged and sorted, as one A4
  table whose header row repeats on each page.

  Input: the document motesdok kalender makes (src/main.c): every meeting of the archive, each
  validated, as a child of <meetings xmlns="urn:motesdok:kalender" year="2024">, in file-name
  order. The year is the param "year" (else the attribute). The blocks carry no md:src: their
  lines would be lines of that combined document, not of a meeting file.

  1. Rows: one per meeting of the year and one per entry (date, month or term in the year).
  2. Merge: rows with the same key are one row. The key is the day (or month, or term) and
     the bodies (their ids, sorted); without bodies, the day, the start time and the title.
     So a planned entry and the meeting on that day, or the same entry repeated in several
     meetings' kalendarier, are one row. The meeting itself wins (its time, place, status);
     otherwise the announcement of the newest meeting. The title is the newest announcement's
     (what the kalendarium calls it), else the meeting's title, else its bodies.
  3. Order: by day and start time; a month-only entry at the start of its month, a term entry
     at the start of the term (VT: January, HT: August), both marked preliminary.
  Words: xsl/lib/sv.xml; layout: xsl/lib/fo-page.xsl. Reference: docs/documents.md.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:m="urn:motesdok:meeting:1"
    xmlns:k="urn:motesdok:kalender"
    xmlns:common="urn:motesdok:common"
    xmlns:page="urn:motesdok:fo-page"
    xmlns:l10n="urn:motesdok:l10n"
    xmlns:kalender="urn:motesdok:kalender:xsl"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="m k common page l10n kalender exsl str">

  <xsl:import href="lib/params.xsl"/>
  <xsl:import href="lib/l10n-sv.xsl"/>
  <xsl:import href="lib/brand.xsl"/>
  <xsl:import href="lib/fo-page.xsl"/>
  <xsl:import href="lib/common.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <!-- The year: the param, else the list's. -->
  <xsl:variable name="kalender:year">
    <xsl:choose>
      <xsl:when test="$year != ''">
        <xsl:value-of select="$year"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="/k:meetings/@year"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- The meetings of the archive. -->
  <xsl:variable name="kalender:meetings" select="/k:meetings/m:meeting"/>

  <!-- 1. Every row, unmerged. -->
  <xsl:variable name="kalender:rows-rtf">
    <xsl:for-each select="$kalender:meetings">
      <xsl:variable name="from" select="string(@date)"/>
      <xsl:if test="substring(@date, 1, 4) = $kalender:year">
        <xsl:variable name="bodies">
          <xsl:for-each select="m:bodies/m:body">
            <xsl:sort select="@id"/>
            <xsl:if test="position() &gt; 1">+</xsl:if>
            <xsl:value-of select="@id"/>
          </xsl:for-each>
        </xsl:variable>
        <row kind="meeting" rank="2" from="{$from}" date="{@date}" status="{@status}"
            key="{concat(@date, '|', $bodies)}" sort="{concat(@date, ' ', @start)}">
          <time start="{@start}" end="{@end}"/>
          <place>
            <xsl:for-each select="m:place">
              <xsl:call-template name="common:place"/>
            </xsl:for-each>
          </place>
          <title>
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
          </title>
          <xsl:for-each select="m:bodies/m:body">
            <body><xsl:value-of select="normalize-space(.)"/></body>
          </xsl:for-each>
        </row>
      </xsl:if>
      <xsl:for-each select=".//m:calendar/m:entry">
        <xsl:variable name="when" select="string(@date | @month | @term)"/>
        <xsl:variable name="in-year">
          <xsl:choose>
            <xsl:when test="@term">
              <xsl:value-of select="substring(@term, 3, 4)"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:value-of select="substring($when, 1, 4)"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:if test="$in-year = $kalender:year">
          <xsl:variable name="bodies">
            <xsl:for-each select="str:tokenize(string(@bodies))">
              <xsl:sort select="."/>
              <xsl:if test="position() &gt; 1">+</xsl:if>
              <xsl:value-of select="."/>
            </xsl:for-each>
          </xsl:variable>
          <xsl:variable name="who">
            <xsl:choose>
              <xsl:when test="$bodies != ''">
                <xsl:value-of select="$bodies"/>
              </xsl:when>
              <xsl:otherwise>
                <xsl:value-of select="concat(m:time[1]/@start, '|',
                    translate(normalize-space(m:title), $l10n:upper, $l10n:lower))"/>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <!-- Where an entry without a day stands: the start of its month or term. -->
          <xsl:variable name="sort">
            <xsl:choose>
              <xsl:when test="@date">
                <xsl:value-of select="concat(@date, ' ', m:time[1]/@start)"/>
              </xsl:when>
              <xsl:when test="@month">
                <xsl:value-of select="concat(@month, '-00')"/>
              </xsl:when>
              <xsl:when test="starts-with(@term, 'VT')">
                <xsl:value-of select="concat($in-year, '-01-00')"/>
              </xsl:when>
              <xsl:otherwise>
                <xsl:value-of select="concat($in-year, '-08-00')"/>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:variable name="status">
            <xsl:choose>
              <xsl:when test="@status = 'cancelled'">cancelled</xsl:when>
              <xsl:when test="@month or @term or @status = 'preliminary'">preliminary</xsl:when>
              <xsl:otherwise>confirmed</xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <row kind="entry" rank="1" from="{$from}" key="{concat($when, '|', $who)}"
              sort="{$sort}" status="{$status}">
            <xsl:copy-of select="@date | @month | @term"/>
            <xsl:for-each select="m:time">
              <time start="{@start}" end="{@end}"/>
            </xsl:for-each>
            <place>
              <xsl:for-each select="m:place">
                <xsl:call-template name="common:place"/>
              </xsl:for-each>
            </place>
            <title><xsl:copy-of select="m:title/node()"/></title>
            <xsl:for-each select="m:note">
              <note><xsl:copy-of select="node()"/></note>
            </xsl:for-each>
          </row>
        </xsl:if>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:variable>

  <!-- 2. The rows sorted by key, the winner of each key first. -->
  <xsl:variable name="kalender:by-key-rtf">
    <xsl:for-each select="exsl:node-set($kalender:rows-rtf)/row">
      <xsl:sort select="@key"/>
      <xsl:sort select="@rank" data-type="number" order="descending"/>
      <xsl:sort select="@from" order="descending"/>
      <xsl:sort select="string(title)"/>
      <xsl:copy-of select="."/>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="kalender:by-key" select="exsl:node-set($kalender:by-key-rtf)/row"/>
  <!-- The rows of $kalender:by-key by key and by the meeting that gave them (key() on a row
       looks in $kalender:by-key-rtf, the only document with <row>s). -->
  <xsl:key name="kalender:key" match="row" use="@key"/>
  <xsl:key name="kalender:from" match="row" use="@from"/>
  <xsl:variable name="kalender:winners"
      select="$kalender:by-key[not(@key = preceding-sibling::row[1]/@key)]"/>

  <!-- The bodies of the year's rows in Swedish order, each once (the names are sorted, so a
       repeated name follows its first), joined as a Swedish list. -->
  <xsl:variable name="kalender:bodies">
    <xsl:variable name="names-rtf">
      <xsl:for-each select="$kalender:by-key/body">
        <xsl:sort select="translate(., $l10n:sort-from, $l10n:sort-to)"/>
        <xsl:sort select="."/>
        <name><xsl:value-of select="."/></name>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="names" select="exsl:node-set($names-rtf)/name"/>
    <xsl:call-template name="l10n:join">
      <xsl:with-param name="nodes" select="$names[not(. = preceding-sibling::name[1])]"/>
      <xsl:with-param name="sort" select="'no'"/>
    </xsl:call-template>
  </xsl:variable>

  <xsl:template match="/k:meetings">
    <xsl:call-template name="page:document">
      <xsl:with-param name="kind" select="'calendar'"/>
      <xsl:with-param name="bodies" select="string($kalender:bodies)"/>
      <xsl:with-param name="date" select="$kalender:year"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The flow (page:document applies this to the list of meetings). -->
  <xsl:template match="/k:meetings" mode="page:content">
    <xsl:variable name="bodies" select="$kalender:bodies"/>
    <fo:block xsl:use-attribute-sets="page:h1">
      <xsl:call-template name="common:s">
        <xsl:with-param name="id" select="'calendar'"/>
      </xsl:call-template>
      <xsl:value-of select="concat(' ', $kalender:year)"/>
    </fo:block>
    <xsl:if test="string($bodies) != ''">
      <fo:block xsl:use-attribute-sets="page:h2" space-before="0pt">
        <xsl:value-of select="$bodies"/>
      </fo:block>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="$kalender:winners">
        <xsl:call-template name="kalender:table"/>
      </xsl:when>
      <xsl:otherwise>
        <fo:block xsl:use-attribute-sets="page:p">
          <xsl:call-template name="common:s">
            <xsl:with-param name="id" select="'calendar-none'"/>
          </xsl:call-template>
        </fo:block>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$kalender:winners[@status = 'preliminary']">
      <fo:block xsl:use-attribute-sets="page:small">
        <xsl:call-template name="common:s">
          <xsl:with-param name="id" select="'calendar-note'"/>
        </xsl:call-template>
      </fo:block>
    </xsl:if>
    <!-- The meetings that gave rows, each once (the first row of each @from). -->
    <xsl:variable name="sources"
        select="$kalender:by-key[count(. | key('kalender:from', @from)[1]) = 1]"/>
    <xsl:if test="$sources">
      <fo:block xsl:use-attribute-sets="page:small">
        <xsl:call-template name="common:s">
          <xsl:with-param name="id" select="'calendar-sources'"/>
        </xsl:call-template>
        <xsl:text> </xsl:text>
        <xsl:for-each select="$sources">
          <xsl:sort select="@from"/>
          <xsl:if test="position() &gt; 1">, </xsl:if>
          <xsl:value-of select="@from"/>
        </xsl:for-each>
        <xsl:text>.</xsl:text>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <!-- 3. The table: Datum, Tid, Plats, Aktivitet; the header row repeats on every page. -->
  <xsl:template name="kalender:table">
    <fo:table xsl:use-attribute-sets="page:table">
      <!-- Wide enough for the longest weekday and date, and a time range, on one line. -->
      <fo:table-column column-width="proportional-column-width(3.8)"/>
      <fo:table-column column-width="proportional-column-width(2.8)"/>
      <fo:table-column column-width="proportional-column-width(3)"/>
      <fo:table-column column-width="proportional-column-width(5.4)"/>
      <fo:table-header>
        <fo:table-row>
          <xsl:call-template name="common:header-cell">
            <xsl:with-param name="id" select="'date'"/>
          </xsl:call-template>
          <xsl:call-template name="common:header-cell">
            <xsl:with-param name="id" select="'time'"/>
          </xsl:call-template>
          <xsl:call-template name="common:header-cell">
            <xsl:with-param name="id" select="'place'"/>
          </xsl:call-template>
          <xsl:call-template name="common:header-cell">
            <xsl:with-param name="id" select="'event'"/>
          </xsl:call-template>
        </fo:table-row>
      </fo:table-header>
      <fo:table-body>
        <xsl:for-each select="$kalender:winners">
          <xsl:sort select="@sort"/>
          <xsl:sort select="@key"/>
          <xsl:call-template name="kalender:row"/>
        </xsl:for-each>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <!-- One merged row: the context is the winner of its key. -->
  <xsl:template name="kalender:row">
    <!-- The first entry after this row with its key: the rows of a key follow each other in
         $kalender:by-key, the winner first, so they are the other rows of key() on it. -->
    <xsl:variable name="announced"
        select="key('kalender:key', @key)[@kind = 'entry'][count(. | current()) = 2][1]"/>
    <!-- What the kalendarium says: this row when it is an entry, else the newest announcement
         of this meeting (none when no kalendarium announced it). -->
    <xsl:variable name="said"
        select="self::row[@kind = 'entry'] | $announced[current()/@kind = 'meeting']"/>
    <fo:table-row keep-together.within-page="always">
      <fo:table-cell xsl:use-attribute-sets="page:cell">
        <fo:block hyphenate="false">
          <xsl:choose>
            <xsl:when test="@date">
              <xsl:variable name="wd">
                <xsl:call-template name="l10n:weekday">
                  <xsl:with-param name="date" select="@date"/>
                </xsl:call-template>
              </xsl:variable>
              <xsl:call-template name="common:s">
                <xsl:with-param name="id" select="concat('weekday-', $wd)"/>
              </xsl:call-template>
              <xsl:text> </xsl:text>
              <xsl:call-template name="l10n:date-short">
                <xsl:with-param name="date" select="@date"/>
                <xsl:with-param name="year" select="'no'"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:when test="@month">
              <xsl:call-template name="l10n:month-year">
                <xsl:with-param name="date" select="@month"/>
                <xsl:with-param name="capitalise" select="'yes'"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="l10n:term">
                <xsl:with-param name="term" select="@term"/>
                <xsl:with-param name="capitalise" select="'yes'"/>
              </xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </fo:block>
        <xsl:if test="@status = 'preliminary' or @status = 'cancelled'">
          <fo:block font-style="italic">
            <xsl:variable name="status">
              <xsl:call-template name="common:s">
                <xsl:with-param name="id" select="@status"/>
              </xsl:call-template>
            </xsl:variable>
            <xsl:value-of select="translate($status, $l10n:upper, $l10n:lower)"/>
          </fo:block>
        </xsl:if>
      </fo:table-cell>
      <fo:table-cell xsl:use-attribute-sets="page:cell">
        <fo:block hyphenate="false">
          <xsl:for-each select="time[@start != '']">
            <xsl:if test="position() &gt; 1">, </xsl:if>
            <xsl:call-template name="l10n:time-range">
              <xsl:with-param name="start" select="@start"/>
              <xsl:with-param name="end" select="@end"/>
            </xsl:call-template>
          </xsl:for-each>
        </fo:block>
      </fo:table-cell>
      <fo:table-cell xsl:use-attribute-sets="page:cell">
        <fo:block>
          <xsl:value-of select="(place[. != ''] | $announced/place[. != ''])[1]"/>
        </fo:block>
      </fo:table-cell>
      <fo:table-cell xsl:use-attribute-sets="page:cell">
        <fo:block>
          <xsl:choose>
            <xsl:when test="$said">
              <xsl:apply-templates select="$said/title/node()" mode="kalender:inline"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:apply-templates select="title/node()" mode="kalender:inline"/>
            </xsl:otherwise>
          </xsl:choose>
        </fo:block>
        <xsl:for-each select="$said/note">
          <fo:block xsl:use-attribute-sets="page:small">
            <xsl:apply-templates mode="kalender:inline"/>
          </fo:block>
        </xsl:for-each>
      </fo:table-cell>
    </fo:table-row>
  </xsl:template>

  <!-- Titles and notes are copies of the meetings' inline content (or plain text): the
       meeting elements go through common.xsl's inline templates. -->
  <xsl:template match="m:*" mode="kalender:inline">
    <xsl:apply-templates select="." mode="common:inline"/>
  </xsl:template>

  <xsl:template match="text()" mode="kalender:inline">
    <xsl:value-of select="."/>
  </xsl:template>

</xsl:stylesheet>
