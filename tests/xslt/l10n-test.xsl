<?xml version="1.0" encoding="UTF-8"?>
<!--
  Runs the table tests of tests/xslt/cases.xml against xsl/lib/l10n-sv.xsl: one line per case,
  "PASS template(input)" or "FAIL template(input): expected X, got Y" (a no-break space shown
  as ⍽), then "cases: N". tests/unit/xslt_test.c runs it through md_xslt and counts the lines.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l10n="urn:motesdok:l10n"
    xmlns:t="urn:motesdok:test:l10n"
    xmlns:m="urn:motesdok:meeting:1"
    xmlns:dates="urn:motesdok:dates"
    exclude-result-prefixes="l10n t m dates">

  <xsl:import href="../../xsl/lib/l10n-sv.xsl"/>
  <xsl:import href="../../xsl/lib/dates.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:for-each select="t:cases/t:case">
      <xsl:variable name="got">
        <xsl:apply-templates select="." mode="run"/>
      </xsl:variable>
      <xsl:variable name="label">
        <xsl:value-of select="concat(@template, '(', @input)"/>
        <xsl:for-each select="t:n | m:person/m:name">
          <xsl:if test="position() &gt; 1 or ../@input">;</xsl:if>
          <xsl:value-of select="normalize-space(.)"/>
        </xsl:for-each>
        <xsl:for-each select="@*[not(name() = 'template' or name() = 'input'
                                     or name() = 'expected')]">
          <xsl:value-of select="concat(', ', name(), '=', .)"/>
        </xsl:for-each>
        <xsl:text>)</xsl:text>
      </xsl:variable>
      <xsl:choose>
        <xsl:when test="string($got) = string(@expected)">
          <xsl:value-of select="concat('PASS ', $label)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of
              select="concat('FAIL ', $label, ': expected &quot;',
                             translate(@expected, '&#160;', '⍽'), '&quot;, got &quot;',
                             translate($got, '&#160;', '⍽'), '&quot;')"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
    <xsl:value-of select="concat('cases: ', count(t:cases/t:case), '&#10;')"/>
  </xsl:template>

  <xsl:template match="t:case[@template = 'date-long']" mode="run">
    <xsl:call-template name="l10n:date-long">
      <xsl:with-param name="date" select="string(@input)"/>
      <xsl:with-param name="capitalise" select="string(@capitalise)"/>
      <xsl:with-param name="year" select="string(@year)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="t:case[@template = 'date-short']" mode="run">
    <xsl:call-template name="l10n:date-short">
      <xsl:with-param name="date" select="string(@input)"/>
      <xsl:with-param name="year" select="string(@year)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="t:case[@template = 'date-numeric']" mode="run">
    <xsl:call-template name="l10n:date-numeric">
      <xsl:with-param name="date" select="string(@input)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="t:case[@template = 'month-year']" mode="run">
    <xsl:call-template name="l10n:month-year">
      <xsl:with-param name="date" select="string(@input)"/>
      <xsl:with-param name="capitalise" select="string(@capitalise)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="t:case[@template = 'term']" mode="run">
    <xsl:call-template name="l10n:term">
      <xsl:with-param name="term" select="string(@input)"/>
      <xsl:with-param name="capitalise" select="string(@capitalise)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="t:case[@template = 'time']" mode="run">
    <xsl:call-template name="l10n:time">
      <xsl:with-param name="time" select="string(@input)"/>
      <xsl:with-param name="pad" select="string(@pad)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="t:case[@template = 'time-range']" mode="run">
    <xsl:call-template name="l10n:time-range">
      <xsl:with-param name="start" select="string(@input)"/>
      <xsl:with-param name="end" select="string(@end)"/>
      <xsl:with-param name="clock" select="string(@clock)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="t:case[@template = 'amount']" mode="run">
    <xsl:call-template name="l10n:amount">
      <xsl:with-param name="value" select="string(@input)"/>
      <xsl:with-param name="currency" select="string(@currency)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="t:case[@template = 'number']" mode="run">
    <xsl:call-template name="l10n:number">
      <xsl:with-param name="value" select="string(@input)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="t:case[@template = 'join']" mode="run">
    <xsl:call-template name="l10n:join">
      <xsl:with-param name="nodes" select="t:n"/>
      <xsl:with-param name="sort" select="string(@sort)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="t:case[@template = 'role']" mode="run">
    <xsl:call-template name="l10n:role">
      <xsl:with-param name="token" select="string(@input)"/>
      <xsl:with-param name="lower" select="string(@lower)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="t:case[@template = 'person' and m:person]" mode="run">
    <xsl:call-template name="l10n:person">
      <xsl:with-param name="person" select="m:person"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="t:case[@template = 'person' and not(m:person)]" mode="run">
    <xsl:call-template name="l10n:person">
      <xsl:with-param name="name" select="string(@input)"/>
      <xsl:with-param name="party" select="string(@party)"/>
      <xsl:with-param name="org" select="string(@org)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Sorting as a driver sorts: by the sort key, no lang, ties in byte order. -->
  <xsl:template match="t:case[@template = 'sort']" mode="run">
    <xsl:for-each select="t:n">
      <xsl:sort select="translate(., $l10n:sort-from, $l10n:sort-to)"/>
      <xsl:sort select="."/>
      <xsl:if test="position() &gt; 1">, </xsl:if>
      <xsl:value-of select="."/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="t:case[@template = 'string']" mode="run">
    <xsl:call-template name="l10n:string">
      <xsl:with-param name="id" select="string(@input)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="t:case[@template = 'capitalise']" mode="run">
    <xsl:call-template name="l10n:capitalise">
      <xsl:with-param name="text" select="string(@input)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Date arithmetic (xsl/lib/dates.xsl): templates named "dates:…". -->
  <xsl:template match="t:case[@template = 'dates:to-days']" mode="run">
    <xsl:call-template name="dates:to-days">
      <xsl:with-param name="date" select="string(@input)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="t:case[@template = 'dates:add-days']" mode="run">
    <xsl:call-template name="dates:add-days">
      <xsl:with-param name="date" select="string(@input)"/>
      <xsl:with-param name="days" select="number(@days)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="t:case[@template = 'dates:weekday']" mode="run">
    <xsl:call-template name="dates:weekday">
      <xsl:with-param name="date" select="string(@input)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="t:case[@template = 'dates:easter']" mode="run">
    <xsl:call-template name="dates:easter">
      <xsl:with-param name="year" select="string(@input)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="t:case[@template = 'dates:is-free-day']" mode="run">
    <xsl:call-template name="dates:is-free-day">
      <xsl:with-param name="date" select="string(@input)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="t:case[@template = 'dates:notice']" mode="run">
    <xsl:call-template name="dates:notice">
      <xsl:with-param name="approved" select="string(@input)"/>
      <xsl:with-param name="what" select="string(@what)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A case for a template this file does not know fails loudly. -->
  <xsl:template match="t:case" mode="run">
    <xsl:value-of select="concat('(no such template: ', @template, ')')"/>
  </xsl:template>

</xsl:stylesheet>
