<?xml version="1.0" encoding="UTF-8"?>
<!--
  Swedish conventions for every motesdok output: dates, times, sums, numbers, lists, names,
  roles and alphabetical order, after Språkrådet (Svenska skrivregler) and Myndigheternas
  skrivregler. The words live in sv.xml; this file holds only the rules. Plain XSLT 1.0:
  no extension functions, so the clock can never leak in. Reference: docs/xslt.md;
  tests: tests/xslt/cases.xml.

  Every template takes its input as strings in the schema's formats (dates YYYY-MM-DD,
  times HH:MM, decimals with a point) and stops the transform with a message when the
  input has another form: after validation that is a stylesheet bug.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l10n="urn:motesdok:l10n"
    xmlns:m="urn:motesdok:meeting:1"
    exclude-result-prefixes="l10n m">

  <!-- The strings of sv.xml, read once (document() resolves against this file), and found
       by id with the key l10n:string (key() looks in the document of the context node, so a
       lookup first makes sv.xml the context). -->
  <xsl:variable name="l10n:doc" select="document('sv.xml')"/>
  <xsl:variable name="l10n:strings" select="$l10n:doc/l10n:strings/l10n:s"/>
  <xsl:key name="l10n:string" match="l10n:s" use="@id"/>

  <!-- Upper and lower case of the letters in Swedish text and names, position by position. -->
  <xsl:variable name="l10n:lower"
      select="'abcdefghijklmnopqrstuvwxyzåäöéèêëáàâíìîïóòôúùûüýæøçñ'"/>
  <xsl:variable name="l10n:upper"
      select="'ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖÉÈÊËÁÀÂÍÌÎÏÓÒÔÚÙÛÜÝÆØÇÑ'"/>

  <!--
    Swedish alphabetical order (SAOL 14; v and w are separate letters since SAOL 13, 2006):
    a … z, then å, ä, ö. libxslt compares sort keys byte by byte unless xsl:sort has a lang,
    and with lang="sv" the order depends on the locales installed on the machine, so the key
    maps each letter to one whose byte order is Swedish: upper case to lower case, å ä ö to
    { | } (the three characters after z in ASCII), é è ê ë to e and the other accented
    vowels to their base letter, ü to y, æ to ä, ø to ö, ç to c, ñ to n. "aa" stays two a's.
    Use it in xsl:sort, where a named template cannot be called, with no lang attribute:
      <xsl:sort select="translate(m:name, $l10n:sort-from, $l10n:sort-to)"/>
      <xsl:sort select="m:name"/>   (ties: upper case before lower case)
  -->
  <xsl:variable name="l10n:sort-base"
      select="'abcdefghijklmnopqrstuvwxyz{|}eeeeaaaiiiiooouuuyy|}cn'"/>
  <xsl:variable name="l10n:sort-from" select="concat($l10n:upper, $l10n:lower)"/>
  <xsl:variable name="l10n:sort-to" select="concat($l10n:sort-base, $l10n:sort-base)"/>

  <!-- Numbers: decimal comma, no-break space (U+00A0) between groups of three digits,
       minus sign U+2212 (Myndigheternas skrivregler). -->
  <xsl:decimal-format name="l10n:sv" decimal-separator="," grouping-separator="&#160;"
      minus-sign="&#8722;"/>

  <!-- The string of sv.xml with this id. By key: $l10n:strings[@id = $id] compared the id
       with every string of sv.xml on each of the 30 to 100 calls a document makes, a third of
       the transform. A missing id is reported with the caller's node as the context, so the
       message names the meeting element being processed. -->
  <xsl:template name="l10n:string">
    <xsl:param name="id"/>
    <xsl:variable name="here" select="."/>
    <xsl:for-each select="$l10n:doc">
      <xsl:variable name="s" select="key('l10n:string', $id)"/>
      <xsl:if test="not($s)">
        <xsl:for-each select="$here">
          <xsl:message terminate="yes">
            <xsl:value-of
                select="concat('l10n:string: sv.xml has no string &quot;', $id, '&quot;')"/>
          </xsl:message>
        </xsl:for-each>
      </xsl:if>
      <xsl:value-of select="$s"/>
    </xsl:for-each>
  </xsl:template>

  <!-- text with its first letter in upper case: "tisdagen" → "Tisdagen". -->
  <xsl:template name="l10n:capitalise">
    <xsl:param name="text"/>
    <xsl:value-of
        select="concat(translate(substring($text, 1, 1), $l10n:lower, $l10n:upper),
                       substring($text, 2))"/>
  </xsl:template>

  <!-- Private: stops the transform unless date is YYYY-MM-DD with a month 01–12 and a day
       01–31 (the schema has checked that the day exists). -->
  <xsl:template name="l10n:check-date">
    <xsl:param name="date"/>
    <xsl:param name="caller"/>
    <xsl:variable name="m" select="number(substring($date, 6, 2))"/>
    <xsl:variable name="d" select="number(substring($date, 9, 2))"/>
    <xsl:if test="not(string-length($date) = 10
                      and translate($date, '123456789', '000000000') = '0000-00-00'
                      and $m &gt;= 1 and $m &lt;= 12 and $d &gt;= 1 and $d &lt;= 31)">
      <xsl:message terminate="yes">
        <xsl:value-of
            select="concat($caller, ': &quot;', $date, '&quot; is not a date YYYY-MM-DD')"/>
      </xsl:message>
    </xsl:if>
  </xsl:template>

  <!-- The ISO weekday of date: 1 = Monday … 7 = Sunday, in the Gregorian calendar
       (Sakamoto's method: a year that starts in March, and a table of month offsets). -->
  <xsl:template name="l10n:weekday">
    <xsl:param name="date"/>
    <xsl:variable name="m" select="number(substring($date, 6, 2))"/>
    <xsl:variable name="y" select="number(substring($date, 1, 4)) - number($m &lt; 3)"/>
    <xsl:variable name="d" select="number(substring($date, 9, 2))"/>
    <!-- 0 = Sunday. -->
    <xsl:variable name="w"
        select="($y + floor($y div 4) - floor($y div 100) + floor($y div 400)
                 + number(substring('032503514624', $m, 1)) + $d) mod 7"/>
    <xsl:value-of select="($w + 6) mod 7 + 1"/>
  </xsl:template>

  <!-- "30 januari 2024"; year="no" gives "30 januari". The day has no leading zero. -->
  <xsl:template name="l10n:date-short">
    <xsl:param name="date"/>
    <xsl:param name="year" select="'yes'"/>
    <xsl:call-template name="l10n:check-date">
      <xsl:with-param name="date" select="$date"/>
      <xsl:with-param name="caller" select="'l10n:date-short'"/>
    </xsl:call-template>
    <xsl:value-of select="number(substring($date, 9, 2))"/>
    <xsl:text> </xsl:text>
    <xsl:call-template name="l10n:string">
      <xsl:with-param name="id" select="concat('month-', number(substring($date, 6, 2)))"/>
    </xsl:call-template>
    <xsl:if test="$year != 'no'">
      <xsl:value-of select="concat(' ', substring($date, 1, 4))"/>
    </xsl:if>
  </xsl:template>

  <!-- "tisdagen den 30 januari 2024"; capitalise="yes" gives "Tisdagen den …" (at the start
       of a sentence or a line); year="no" leaves the year out. -->
  <xsl:template name="l10n:date-long">
    <xsl:param name="date"/>
    <xsl:param name="capitalise" select="'no'"/>
    <xsl:param name="year" select="'yes'"/>
    <xsl:variable name="weekday">
      <xsl:call-template name="l10n:weekday">
        <xsl:with-param name="date" select="$date"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="text">
      <xsl:call-template name="l10n:date-short">
        <xsl:with-param name="date" select="$date"/>
        <xsl:with-param name="year" select="$year"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="day">
      <xsl:call-template name="l10n:string">
        <xsl:with-param name="id" select="concat('weekday-', $weekday, '-def')"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="den">
      <xsl:call-template name="l10n:string">
        <xsl:with-param name="id" select="'date-den'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$capitalise = 'yes'">
        <xsl:call-template name="l10n:capitalise">
          <xsl:with-param name="text" select="concat($day, ' ', $den, ' ', $text)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat($day, ' ', $den, ' ', $text)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "2024-01-30": the numeric form Myndigheternas skrivregler recommend (ISO 8601). -->
  <xsl:template name="l10n:date-numeric">
    <xsl:param name="date"/>
    <xsl:call-template name="l10n:check-date">
      <xsl:with-param name="date" select="$date"/>
      <xsl:with-param name="caller" select="'l10n:date-numeric'"/>
    </xsl:call-template>
    <xsl:value-of select="$date"/>
  </xsl:template>

  <!-- "april 2024" from "2024-04" or "2024-04-15"; capitalise="yes" gives "April 2024". -->
  <xsl:template name="l10n:month-year">
    <xsl:param name="date"/>
    <xsl:param name="capitalise" select="'no'"/>
    <xsl:call-template name="l10n:check-date">
      <xsl:with-param name="date"
          select="concat(substring($date, 1, 7), substring('-01', 1, 10 - string-length($date)),
                         substring($date, 8))"/>
      <xsl:with-param name="caller" select="'l10n:month-year'"/>
    </xsl:call-template>
    <xsl:variable name="month">
      <xsl:call-template name="l10n:string">
        <xsl:with-param name="id" select="concat('month-', number(substring($date, 6, 2)))"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="l10n:maybe-capitalise">
      <xsl:with-param name="text" select="concat($month, ' ', substring($date, 1, 4))"/>
      <xsl:with-param name="capitalise" select="$capitalise"/>
    </xsl:call-template>
  </xsl:template>

  <!-- "hösten 2020" from "HT2020", "våren 2021" from "VT2021" (the schema's term). -->
  <xsl:template name="l10n:term">
    <xsl:param name="term"/>
    <xsl:param name="capitalise" select="'no'"/>
    <xsl:if test="not((starts-with($term, 'HT') or starts-with($term, 'VT'))
                      and string-length($term) = 6
                      and translate(substring($term, 3), '123456789', '000000000') = '0000')">
      <xsl:message terminate="yes">
        <xsl:value-of
            select="concat('l10n:term: &quot;', $term, '&quot; is not HTyyyy or VTyyyy')"/>
      </xsl:message>
    </xsl:if>
    <xsl:variable name="season">
      <xsl:call-template name="l10n:string">
        <xsl:with-param name="id" select="concat('term-', substring($term, 1, 2))"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="l10n:maybe-capitalise">
      <xsl:with-param name="text" select="concat($season, ' ', substring($term, 3))"/>
      <xsl:with-param name="capitalise" select="$capitalise"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Private: text, capitalised when capitalise is "yes". -->
  <xsl:template name="l10n:maybe-capitalise">
    <xsl:param name="text"/>
    <xsl:param name="capitalise"/>
    <xsl:choose>
      <xsl:when test="$capitalise = 'yes'">
        <xsl:call-template name="l10n:capitalise">
          <xsl:with-param name="text" select="$text"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$text"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    A clock time "HH:MM" as Swedish writes it, with a full stop: "16:00" → "16.00". In running
    text the hours 1–9 drop their leading zero ("9.30", Svenska skrivregler); pad="yes" keeps it
    ("09.30", for tables and timetables). Midnight and the hour after it keep "00" ("00.00",
    "00.30"), the form Svenska skrivregler gives for midnight.
  -->
  <xsl:template name="l10n:time">
    <xsl:param name="time"/>
    <xsl:param name="pad" select="'no'"/>
    <xsl:if test="not(string-length($time) = 5
                      and translate($time, '123456789', '000000000') = '00:00'
                      and number(substring($time, 1, 2)) &lt; 24
                      and number(substring($time, 4, 2)) &lt; 60)">
      <xsl:message terminate="yes">
        <xsl:value-of select="concat('l10n:time: &quot;', $time, '&quot; is not a time HH:MM')"/>
      </xsl:message>
    </xsl:if>
    <xsl:variable name="h" select="substring($time, 1, 2)"/>
    <xsl:choose>
      <xsl:when test="$pad != 'yes' and starts-with($h, '0') and $h != '00'">
        <xsl:value-of select="substring($h, 2)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$h"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="concat('.', substring($time, 4, 2))"/>
  </xsl:template>

  <!-- "kl. 16.00–18.00" (en dash U+2013, no spaces around it); without end "kl. 16.00";
       clock="no" leaves "kl." out ("16.00–18.00"); pad as for l10n:time. -->
  <xsl:template name="l10n:time-range">
    <xsl:param name="start"/>
    <xsl:param name="end" select="''"/>
    <xsl:param name="clock" select="'yes'"/>
    <xsl:param name="pad" select="'no'"/>
    <xsl:if test="$clock != 'no'">
      <xsl:call-template name="l10n:string">
        <xsl:with-param name="id" select="'clock'"/>
      </xsl:call-template>
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:call-template name="l10n:time">
      <xsl:with-param name="time" select="$start"/>
      <xsl:with-param name="pad" select="$pad"/>
    </xsl:call-template>
    <xsl:if test="string($end) != ''">
      <xsl:text>&#8211;</xsl:text>
      <xsl:call-template name="l10n:time">
        <xsl:with-param name="time" select="$end"/>
        <xsl:with-param name="pad" select="$pad"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A decimal number ("1234.5", the schema's xsd:decimal) the Swedish way: "1 234,5", with
       no-break spaces between groups of three digits and a decimal comma. decimals sets the
       number of decimals; by default as many as value has. -->
  <xsl:template name="l10n:number">
    <xsl:param name="value"/>
    <xsl:param name="decimals" select="string-length(substring-after($value, '.'))"/>
    <xsl:if test="string(number($value)) = 'NaN'">
      <xsl:message terminate="yes">
        <xsl:value-of select="concat('l10n:number: &quot;', $value, '&quot; is not a number')"/>
      </xsl:message>
    </xsl:if>
    <xsl:variable name="fraction">
      <xsl:if test="$decimals &gt; 0">
        <xsl:value-of select="concat(',', substring('0000000000', 1, $decimals))"/>
      </xsl:if>
    </xsl:variable>
    <xsl:value-of
        select="format-number(number($value), concat('#&#160;##0', $fraction), 'l10n:sv')"/>
  </xsl:template>

  <!-- A sum of money: "15 000 kr", "1 234,50 kr" (öre only when there are any, then always
       two digits), "−1 500 kr"; a no-break space before "kr" too. Another currency keeps its
       ISO 4217 code: "2 500 EUR". -->
  <xsl:template name="l10n:amount">
    <xsl:param name="value"/>
    <xsl:param name="currency" select="'SEK'"/>
    <xsl:call-template name="l10n:number">
      <xsl:with-param name="value" select="$value"/>
      <xsl:with-param name="decimals"
          select="2 * number(number($value) != floor(number($value)))"/>
    </xsl:call-template>
    <xsl:text>&#160;</xsl:text>
    <xsl:choose>
      <xsl:when test="$currency = 'SEK' or string($currency) = ''">
        <xsl:call-template name="l10n:string">
          <xsl:with-param name="id" select="'currency-SEK'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$currency"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The string values of nodes as a Swedish list: "A", "A och B", "A, B och C" (no comma
       before "och"). In document order, or sort="yes" in Swedish alphabetical order. -->
  <xsl:template name="l10n:join">
    <xsl:param name="nodes" select="/.."/>
    <xsl:param name="sort" select="'no'"/>
    <xsl:variable name="and">
      <xsl:call-template name="l10n:string">
        <xsl:with-param name="id" select="'and'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$sort = 'yes'">
        <xsl:for-each select="$nodes">
          <xsl:sort select="translate(normalize-space(.), $l10n:sort-from, $l10n:sort-to)"/>
          <xsl:sort select="normalize-space(.)"/>
          <xsl:call-template name="l10n:join-item">
            <xsl:with-param name="and" select="$and"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="$nodes">
          <xsl:call-template name="l10n:join-item">
            <xsl:with-param name="and" select="$and"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Private: one item of l10n:join, in the for-each that lists them. -->
  <xsl:template name="l10n:join-item">
    <xsl:param name="and"/>
    <xsl:choose>
      <xsl:when test="position() = 1"/>
      <xsl:when test="position() = last()">
        <xsl:value-of select="concat(' ', $and, ' ')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>, </xsl:text>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="normalize-space(.)"/>
  </xsl:template>

  <!-- The label of a role token of the schema: "vice-ordforande" → "Vice ordförande";
       lower="yes" gives "vice ordförande" for running text. -->
  <xsl:template name="l10n:role">
    <xsl:param name="token"/>
    <xsl:param name="lower" select="'no'"/>
    <xsl:variable name="label">
      <xsl:call-template name="l10n:string">
        <xsl:with-param name="id" select="concat('role-', normalize-space($token))"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$lower = 'yes'">
        <xsl:value-of select="translate($label, $l10n:upper, $l10n:lower)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$label"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A person as lists write them: "Lars Lundberg (M)" with a party, "Caroline Daly, Örebro
       Rättighetscenter" with an organisation. Give the meeting's <person> element, or the
       parts as strings (they override the element's). -->
  <xsl:template name="l10n:person">
    <xsl:param name="person" select="/.."/>
    <xsl:param name="name" select="$person/m:name"/>
    <xsl:param name="party" select="$person/@party"/>
    <xsl:param name="org" select="$person/m:org"/>
    <xsl:value-of select="normalize-space($name)"/>
    <xsl:if test="normalize-space($party) != ''">
      <xsl:value-of select="concat(' (', normalize-space($party), ')')"/>
    </xsl:if>
    <xsl:if test="normalize-space($org) != ''">
      <xsl:value-of select="concat(', ', normalize-space($org))"/>
    </xsl:if>
  </xsl:template>

  <!-- The Swedish sort key of text (see $l10n:sort-from above): "Åberg" → "{berg". -->
  <xsl:template name="l10n:sort-key">
    <xsl:param name="text"/>
    <xsl:value-of select="translate(normalize-space($text), $l10n:sort-from, $l10n:sort-to)"/>
  </xsl:template>

</xsl:stylesheet>
