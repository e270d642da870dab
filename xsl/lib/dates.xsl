<?xml version="1.0" encoding="UTF-8"?>
<!--
  Date arithmetic in plain XSLT 1.0 (no extension, so no clock): day numbers, adding days,
  Easter, Swedish free days, and the dates of a protokoll's anslag (Kommunallagen
  (2017:725) 8 kap. 12 § and 13 kap. 5 §; Lag (1930:173) om beräkning av lagstadgad tid).
  Dates are strings YYYY-MM-DD of the proleptic Gregorian calendar; day numbers count from
  1970-01-01 = 0 (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms",
  days_from_civil and civil_from_days). Reference: docs/documents.md ("Anslag");
  tests: tests/xslt/cases.xml.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:dates="urn:motesdok:dates"
    exclude-result-prefixes="dates">

  <!-- The day number of date: 1970-01-01 is 0, 2024-03-14 is 19796. -->
  <xsl:template name="dates:to-days">
    <xsl:param name="date"/>
    <xsl:variable name="m" select="number(substring($date, 6, 2))"/>
    <xsl:variable name="d" select="number(substring($date, 9, 2))"/>
    <!-- The year starts on 1 March, so that the leap day is the last day of the year. -->
    <xsl:variable name="y" select="number(substring($date, 1, 4)) - number($m &lt;= 2)"/>
    <xsl:variable name="era" select="floor($y div 400)"/>
    <xsl:variable name="yoe" select="$y - $era * 400"/>
    <xsl:variable name="mp" select="($m + 9) mod 12"/>
    <xsl:variable name="doy" select="floor((153 * $mp + 2) div 5) + $d - 1"/>
    <xsl:variable name="doe"
        select="$yoe * 365 + floor($yoe div 4) - floor($yoe div 100) + $doy"/>
    <xsl:if test="string(number($doe)) = 'NaN'">
      <xsl:message terminate="yes">
        <xsl:value-of select="concat('dates:to-days: &quot;', $date, '&quot; is not YYYY-MM-DD')"/>
      </xsl:message>
    </xsl:if>
    <xsl:value-of select="$era * 146097 + $doe - 719468"/>
  </xsl:template>

  <!-- The date of day number days (the inverse of dates:to-days). -->
  <xsl:template name="dates:from-days">
    <xsl:param name="days"/>
    <xsl:variable name="z" select="number($days) + 719468"/>
    <xsl:variable name="era" select="floor($z div 146097)"/>
    <xsl:variable name="doe" select="$z - $era * 146097"/>
    <xsl:variable name="yoe"
        select="floor(($doe - floor($doe div 1460) + floor($doe div 36524)
                       - floor($doe div 146096)) div 365)"/>
    <xsl:variable name="doy"
        select="$doe - (365 * $yoe + floor($yoe div 4) - floor($yoe div 100))"/>
    <xsl:variable name="mp" select="floor((5 * $doy + 2) div 153)"/>
    <xsl:variable name="d" select="$doy - floor((153 * $mp + 2) div 5) + 1"/>
    <xsl:variable name="m" select="($mp + 2) mod 12 + 1"/>
    <xsl:variable name="y" select="$yoe + $era * 400 + number($m &lt;= 2)"/>
    <xsl:value-of select="concat(format-number($y, '0000'), '-', format-number($m, '00'), '-',
                                 format-number($d, '00'))"/>
  </xsl:template>

  <!-- date plus days (which may be negative): 2024-02-28 + 1 = 2024-02-29. -->
  <xsl:template name="dates:add-days">
    <xsl:param name="date"/>
    <xsl:param name="days" select="0"/>
    <xsl:variable name="n">
      <xsl:call-template name="dates:to-days">
        <xsl:with-param name="date" select="$date"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="dates:from-days">
      <xsl:with-param name="days" select="number($n) + number($days)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ISO weekday of date, 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). -->
  <xsl:template name="dates:weekday">
    <xsl:param name="date"/>
    <xsl:variable name="n">
      <xsl:call-template name="dates:to-days">
        <xsl:with-param name="date" select="$date"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:value-of select="((number($n) + 3) mod 7 + 7) mod 7 + 1"/>
  </xsl:template>

  <!-- Easter Sunday of year (Gregorian; the anonymous algorithm of Nature, 1876, as in
       Meeus, Astronomical Algorithms, ch. 8). -->
  <xsl:template name="dates:easter">
    <xsl:param name="year"/>
    <xsl:variable name="Y" select="number($year)"/>
    <xsl:variable name="a" select="$Y mod 19"/>
    <xsl:variable name="b" select="floor($Y div 100)"/>
    <xsl:variable name="c" select="$Y mod 100"/>
    <xsl:variable name="d" select="floor($b div 4)"/>
    <xsl:variable name="e" select="$b mod 4"/>
    <xsl:variable name="f" select="floor(($b + 8) div 25)"/>
    <xsl:variable name="g" select="floor(($b - $f + 1) div 3)"/>
    <xsl:variable name="h" select="(19 * $a + $b - $d - $g + 15) mod 30"/>
    <xsl:variable name="i" select="floor($c div 4)"/>
    <xsl:variable name="k" select="$c mod 4"/>
    <xsl:variable name="l" select="(32 + 2 * $e + 2 * $i - $h - $k) mod 7"/>
    <xsl:variable name="m" select="floor(($a + 11 * $h + 22 * $l) div 451)"/>
    <xsl:variable name="n" select="$h + $l - 7 * $m + 114"/>
    <xsl:value-of select="concat(format-number($Y, '0000'), '-',
                                 format-number(floor($n div 31), '00'), '-',
                                 format-number($n mod 31 + 1, '00'))"/>
  </xsl:template>

  <!-- "yes" when date is a day on which a time limit cannot end in Sweden (Lag (1930:173)
       2 §): a Saturday or Sunday, a public holiday (Lag (1989:253) om allmänna helgdagar:
       nyårsdagen, trettondedag jul, långfredagen, annandag påsk, första maj, Kristi
       himmelsfärdsdag, nationaldagen, juldagen, annandag jul; the others fall on a Sunday or
       Saturday anyway), midsommarafton, julafton or nyårsafton; "no" otherwise. -->
  <xsl:template name="dates:is-free-day">
    <xsl:param name="date"/>
    <xsl:variable name="wd">
      <xsl:call-template name="dates:weekday">
        <xsl:with-param name="date" select="$date"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="md" select="substring($date, 6, 5)"/>
    <xsl:variable name="easter">
      <xsl:call-template name="dates:easter">
        <xsl:with-param name="year" select="substring($date, 1, 4)"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="n">
      <xsl:call-template name="dates:to-days">
        <xsl:with-param name="date" select="$date"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="e">
      <xsl:call-template name="dates:to-days">
        <xsl:with-param name="date" select="$easter"/>
      </xsl:call-template>
    </xsl:variable>
    <!-- Days after Easter Sunday: -2 långfredagen, 1 annandag påsk, 39 Kristi himmelsfärd. -->
    <xsl:variable name="after-easter" select="number($n) - number($e)"/>
    <xsl:choose>
      <xsl:when test="$wd &gt;= 6">yes</xsl:when>
      <xsl:when test="contains(' 01-01 01-06 05-01 06-06 12-24 12-25 12-26 12-31 ',
                               concat(' ', $md, ' '))">yes</xsl:when>
      <xsl:when test="$after-easter = -2 or $after-easter = 1 or $after-easter = 39">yes</xsl:when>
      <!-- Midsommarafton: the Friday between 19 and 25 June. -->
      <xsl:when test="$wd = 5 and substring($md, 1, 2) = '06'
                      and number(substring($md, 4, 2)) &gt;= 19
                      and number(substring($md, 4, 2)) &lt;= 25">yes</xsl:when>
      <xsl:otherwise>no</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- date itself when it is a working day, else the next working day. No more than 5 free
       days follow each other (24–28 December at most), so the recursion is short. -->
  <xsl:template name="dates:working-day">
    <xsl:param name="date"/>
    <xsl:param name="depth" select="0"/>
    <xsl:variable name="free">
      <xsl:call-template name="dates:is-free-day">
        <xsl:with-param name="date" select="$date"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$free = 'no' or $depth &gt; 10">
        <xsl:value-of select="$date"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="dates:working-day">
          <xsl:with-param name="date">
            <xsl:call-template name="dates:add-days">
              <xsl:with-param name="date" select="$date"/>
              <xsl:with-param name="days" select="1"/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="depth" select="$depth + 1"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    The anslag of a justered protokoll, from the day of justering (docs/documents.md):
    - posted ("sätts upp"): justering + 2 days, the latest day Kommunallagen 8 kap. 12 §
      allows ("senast andra dagen efter justeringen"); a digital anslagstavla publishes on
      any day, so no day is skipped.
    - appeal-end: the last day to appeal (13 kap. 5 §: "inom tre veckor från den dag då det
      tillkännagavs"): posted + 21 days, moved to the next working day when that is a
      Saturday, Sunday, holiday, midsommarafton, julafton or nyårsafton (Lag (1930:173) 2 §).
    - removed ("tas ned"): the day after appeal-end; the anslag stays up for the whole appeal
      period (8 kap. 12 §: "får inte tas bort före utgången av tiden för överklagande").
    what is "posted", "appeal-end" or "removed".
  -->
  <xsl:template name="dates:notice">
    <xsl:param name="approved"/>
    <xsl:param name="what"/>
    <xsl:variable name="posted">
      <xsl:call-template name="dates:add-days">
        <xsl:with-param name="date" select="$approved"/>
        <xsl:with-param name="days" select="2"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="appeal-end">
      <xsl:call-template name="dates:working-day">
        <xsl:with-param name="date">
          <xsl:call-template name="dates:add-days">
            <xsl:with-param name="date" select="$posted"/>
            <xsl:with-param name="days" select="21"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$what = 'posted'">
        <xsl:value-of select="$posted"/>
      </xsl:when>
      <xsl:when test="$what = 'appeal-end'">
        <xsl:value-of select="$appeal-end"/>
      </xsl:when>
      <xsl:when test="$what = 'removed'">
        <xsl:call-template name="dates:add-days">
          <xsl:with-param name="date" select="$appeal-end"/>
          <xsl:with-param name="days" select="1"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">
          <xsl:value-of select="concat('dates:notice: what is &quot;', $what,
                                       '&quot;; give posted, appeal-end or removed')"/>
        </xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
