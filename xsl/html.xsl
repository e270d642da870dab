<?xml version="1.0" encoding="UTF-8"?>
<!--
  The HTML site: semantic HTML5 pages that meet WCAG 2.1 AA, no JavaScript. src/site.c runs
  this stylesheet once per meeting (a meeting in, param page="meeting": NAME/index.html) and
  three times on the site document that xsl/site/digest.xsl makes of every meeting
  (page="index": index.html, "calendar": kalender.html, "actions": uppdrag.html).

  A meeting's page shows what its document is: a kallelse (kind="kallelse", or a meeting not
  yet held) shows the invited and the agenda with each item's first paragraph; minutes
  (minnesanteckningar, protokoll) show who was there and every item in full. The build date
  ($build-date, from SOURCE_DATE_EPOCH or the newest meeting, never the clock) decides what is
  "coming" on the index.

  Words: xsl/site/sv.xml and xsl/lib/sv.xml; Swedish dates and times: xsl/lib/l10n-sv.xsl;
  text pieces shared with the PDFs (bodies, place, roles, who): xsl/lib/common.xsl; colours
  and logo: the brand file through xsl/lib/brand.xsl and style.css. Reference: docs/site.md.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:md="urn:motesdok:xslt"
    xmlns:m="urn:motesdok:meeting:1"
    xmlns:l10n="urn:motesdok:l10n"
    xmlns:brand="urn:motesdok:brand:1"
    xmlns:common="urn:motesdok:common"
    xmlns:page="urn:motesdok:fo-page"
    xmlns:site="urn:motesdok:site"
    xmlns:sd="urn:motesdok:site:1"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="md m l10n brand common page site sd str">

  <xsl:import href="lib/params.xsl"/>
  <xsl:import href="lib/l10n-sv.xsl"/>
  <xsl:import href="lib/brand.xsl"/>
  <xsl:import href="lib/fo-page.xsl"/>
  <xsl:import href="lib/common.xsl"/>
  <xsl:import href="site/params.xsl"/>
  <xsl:import href="site/lib.xsl"/>

  <xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat" indent="yes"/>

  <!-- The site document: events by key (one row per announced thing), meetings and events by
       year, uppdrag closed by a later meeting. -->
  <xsl:key name="site:event" match="sd:event" use="@key"/>
  <xsl:key name="site:event-year" match="sd:event" use="substring(@sort, 1, 4)"/>
  <xsl:key name="site:meeting-year" match="sd:meeting" use="substring(@date, 1, 4)"/>
  <xsl:key name="site:closes" match="sd:action" use="@closes"/>
  <xsl:key name="site:action" match="sd:action" use="@id"/>
  <!-- The first body of each id across all meetings (a preceding:: test is quadratic). -->
  <xsl:key name="site:body" match="sd:meeting/m:bodies/m:body" use="@id"/>

  <!-- == Pages == -->

  <!-- A body's feed is kalender/SLUG.ics, SLUG its id in lower-case ASCII (md_ics_add_slug):
       å ä → a, ö → o, é → e, '_' and '.' → '-'. -->
  <xsl:variable name="site:slug-from" select="concat($l10n:upper, 'åäöéèêëáàâíìîïóòôúùûüý_.')"/>
  <xsl:variable name="site:slug-to"
      select="concat('abcdefghijklmnopqrstuvwxyzaaoeeeeaaaiiiiooouuuuyaocn',
                     'aaoeeeeaaaiiiiooouuuuy--')"/>

  <xsl:template match="/m:meeting">
    <xsl:call-template name="site:page">
      <xsl:with-param name="base" select="'../'"/>
      <xsl:with-param name="current" select="''"/>
      <xsl:with-param name="title">
        <xsl:call-template name="site:meeting-title"/>
        <xsl:text>, </xsl:text>
        <xsl:call-template name="l10n:date-short">
          <xsl:with-param name="date" select="@date"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="content">
        <xsl:call-template name="site:meeting"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="/sd:site">
    <xsl:variable name="heading-id">
      <xsl:choose>
        <xsl:when test="$page = 'index'">meetings</xsl:when>
        <xsl:when test="$page = 'calendar'">calendar-page</xsl:when>
        <xsl:when test="$page = 'actions'">actions-page</xsl:when>
        <xsl:otherwise>
          <xsl:message terminate="yes">
            <xsl:value-of select="concat('html.xsl: unknown page &quot;', $page, '&quot;')"/>
          </xsl:message>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="heading">
      <xsl:call-template name="site:s">
        <xsl:with-param name="id" select="$heading-id"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="site:page">
      <xsl:with-param name="base" select="''"/>
      <xsl:with-param name="current" select="$page"/>
      <xsl:with-param name="title" select="$heading"/>
      <xsl:with-param name="content">
        <h1>
          <xsl:value-of select="$heading"/>
        </h1>
        <xsl:choose>
          <xsl:when test="$page = 'index'">
            <xsl:call-template name="site:index"/>
          </xsl:when>
          <xsl:when test="$page = 'calendar'">
            <xsl:call-template name="site:calendar"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="site:actions"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The frame of every page: skip link, header with the brand and the navigation, main,
       footer. base: the way back to the site's top folder ("" or "../"); current: the page
       the navigation marks with aria-current. -->
  <xsl:template name="site:page">
    <xsl:param name="base"/>
    <xsl:param name="current"/>
    <xsl:param name="title"/>
    <xsl:param name="content"/>
    <html lang="sv">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>
          <xsl:value-of select="concat($title, ' – ', $brand:name)"/>
        </title>
        <link rel="stylesheet" href="{$base}style.css"/>
      </head>
      <body>
        <a class="skip" href="#innehall">
          <xsl:call-template name="site:s">
            <xsl:with-param name="id" select="'skip'"/>
          </xsl:call-template>
        </a>
        <header class="site-header">
          <div class="wrap">
            <a class="brand" href="{$base}index.html">
              <img src="{$base}logo.svg" alt="{$brand:logo-alt}"
                  width="{round($brand:logo-width * 4)}" height="{round($brand:logo-height * 4)}"/>
              <xsl:if test="$brand:unit">
                <span class="unit">
                  <xsl:value-of select="$brand:unit"/>
                </span>
              </xsl:if>
            </a>
            <nav aria-label="{$site:nav-label}">
              <ul>
                <xsl:call-template name="site:nav-item">
                  <xsl:with-param name="base" select="$base"/>
                  <xsl:with-param name="href" select="'index.html'"/>
                  <xsl:with-param name="id" select="'meetings'"/>
                  <xsl:with-param name="is-current" select="$current = 'index'"/>
                </xsl:call-template>
                <xsl:call-template name="site:nav-item">
                  <xsl:with-param name="base" select="$base"/>
                  <xsl:with-param name="href" select="'kalender.html'"/>
                  <xsl:with-param name="id" select="'calendar-page'"/>
                  <xsl:with-param name="is-current" select="$current = 'calendar'"/>
                </xsl:call-template>
                <xsl:call-template name="site:nav-item">
                  <xsl:with-param name="base" select="$base"/>
                  <xsl:with-param name="href" select="'uppdrag.html'"/>
                  <xsl:with-param name="id" select="'actions-page'"/>
                  <xsl:with-param name="is-current" select="$current = 'actions'"/>
                </xsl:call-template>
              </ul>
            </nav>
          </div>
        </header>
        <main id="innehall" class="wrap">
          <xsl:copy-of select="$content"/>
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              <xsl:value-of select="$brand:name"/>
              <xsl:if test="$brand:unit">
                <xsl:value-of select="concat(', ', $brand:unit)"/>
              </xsl:if>
              <xsl:text> · </xsl:text>
              <a href="{$brand:web-url}">
                <xsl:value-of select="$brand:web"/>
              </a>
              <xsl:if test="$brand:phone">
                <xsl:text> · </xsl:text>
                <xsl:call-template name="site:s">
                  <xsl:with-param name="id" select="'phone'"/>
                </xsl:call-template>
                <xsl:value-of select="concat(' ', $brand:phone)"/>
              </xsl:if>
            </p>
            <!-- A meeting's page does not change with the build date (so it is made again
                 only when its meeting changes); the shared pages say when they were made. -->
            <xsl:if test="$open-data = 'yes' or ($page != 'meeting' and $build-date != '')">
              <p>
                <xsl:if test="$open-data = 'yes'">
                  <a href="{$base}data/index.json">
                    <xsl:call-template name="site:s">
                      <xsl:with-param name="id" select="'open-data'"/>
                    </xsl:call-template>
                  </a>
                </xsl:if>
                <xsl:if test="$open-data = 'yes' and $page != 'meeting' and $build-date != ''">
                  <xsl:text> · </xsl:text>
                </xsl:if>
                <xsl:if test="$page != 'meeting' and $build-date != ''">
                  <xsl:call-template name="site:s">
                    <xsl:with-param name="id" select="'updated'"/>
                  </xsl:call-template>
                  <xsl:text> </xsl:text>
                  <time datetime="{$build-date}">
                    <xsl:call-template name="l10n:date-short">
                      <xsl:with-param name="date" select="$build-date"/>
                    </xsl:call-template>
                  </time>
                </xsl:if>
              </p>
            </xsl:if>
          </div>
        </footer>
      </body>
    </html>
  </xsl:template>

  <xsl:variable name="site:nav-label">
    <xsl:call-template name="site:s">
      <xsl:with-param name="id" select="'site-nav'"/>
    </xsl:call-template>
  </xsl:variable>

  <xsl:template name="site:nav-item">
    <xsl:param name="base"/>
    <xsl:param name="href"/>
    <xsl:param name="id"/>
    <xsl:param name="is-current"/>
    <li>
      <a href="{$base}{$href}">
        <xsl:if test="$is-current">
          <xsl:attribute name="aria-current">page</xsl:attribute>
        </xsl:if>
        <xsl:call-template name="site:s">
          <xsl:with-param name="id" select="$id"/>
        </xsl:call-template>
      </a>
    </li>
  </xsl:template>

  <!-- == A meeting's page == -->

  <!-- The meeting's title: its <title>, else its bodies ("Samverkansrådet och C-nätet"). -->
  <xsl:template name="site:meeting-title">
    <xsl:param name="meeting" select="/m:meeting"/>
    <xsl:choose>
      <xsl:when test="$meeting/m:title">
        <xsl:value-of select="normalize-space($meeting/m:title)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="l10n:join">
          <xsl:with-param name="nodes" select="$meeting/m:bodies/m:body"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Whether the page shows minutes: a minnesanteckningar or protokoll of a held meeting. -->
  <xsl:variable name="site:is-minutes"
      select="/m:meeting/@kind != 'kallelse' and /m:meeting/@status = 'held'"/>

  <xsl:template name="site:meeting">
    <p class="kicker">
      <xsl:call-template name="site:kind"/>
    </p>
    <h1>
      <xsl:call-template name="site:meeting-title"/>
    </h1>
    <xsl:variable name="bodies">
      <xsl:call-template name="common:bodies"/>
    </xsl:variable>
    <xsl:if test="m:title and normalize-space(m:title) != string($bodies)">
      <p class="subtitle">
        <xsl:value-of select="$bodies"/>
      </p>
    </xsl:if>
    <dl class="facts">
      <div>
        <dt>
          <xsl:call-template name="site:s">
            <xsl:with-param name="id" select="'date'"/>
          </xsl:call-template>
        </dt>
        <dd>
          <time datetime="{@date}">
            <xsl:call-template name="l10n:date-long">
              <xsl:with-param name="date" select="@date"/>
              <xsl:with-param name="capitalise" select="'yes'"/>
            </xsl:call-template>
          </time>
        </dd>
      </div>
      <div>
        <dt>
          <xsl:call-template name="site:s">
            <xsl:with-param name="id" select="'time'"/>
          </xsl:call-template>
        </dt>
        <dd>
          <xsl:call-template name="l10n:time-range">
            <xsl:with-param name="start" select="@start"/>
            <xsl:with-param name="end" select="@end"/>
          </xsl:call-template>
        </dd>
      </div>
      <xsl:for-each select="m:place">
        <div>
          <dt>
            <xsl:call-template name="site:s">
              <xsl:with-param name="id" select="'place'"/>
            </xsl:call-template>
          </dt>
          <dd>
            <xsl:call-template name="common:place"/>
          </dd>
        </div>
      </xsl:for-each>
    </dl>
    <xsl:if test="@status = 'cancelled'">
      <p class="notice">
        <strong>
          <xsl:call-template name="site:s">
            <xsl:with-param name="id" select="'cancelled-notice'"/>
          </xsl:call-template>
        </strong>
      </p>
    </xsl:if>
    <xsl:call-template name="site:documents"/>
    <xsl:choose>
      <xsl:when test="$site:is-minutes">
        <xsl:call-template name="site:minutes"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="site:kallelse"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The meeting's PDFs, each with its size: "Kallelse (PDF, 84 kB)". -->
  <xsl:template name="site:documents">
    <section aria-labelledby="dokument">
      <h2 id="dokument">
        <xsl:call-template name="site:s">
          <xsl:with-param name="id" select="'documents'"/>
        </xsl:call-template>
      </h2>
      <xsl:choose>
        <xsl:when test="$kallelse-pdf-bytes != '' or $protokoll-pdf-bytes != ''">
          <ul class="documents">
            <xsl:if test="$kallelse-pdf-bytes != ''">
              <xsl:call-template name="site:pdf-link">
                <xsl:with-param name="href" select="'kallelse.pdf'"/>
                <xsl:with-param name="kind" select="'kallelse'"/>
                <xsl:with-param name="bytes" select="$kallelse-pdf-bytes"/>
              </xsl:call-template>
            </xsl:if>
            <xsl:if test="$protokoll-pdf-bytes != ''">
              <xsl:call-template name="site:pdf-link">
                <xsl:with-param name="href" select="'protokoll.pdf'"/>
                <xsl:with-param name="kind"
                    select="concat(substring('minnesanteckningar', 1,
                                             18 * number(@kind != 'protokoll')),
                                   substring('protokoll', 1, 9 * number(@kind = 'protokoll')))"/>
                <xsl:with-param name="bytes" select="$protokoll-pdf-bytes"/>
              </xsl:call-template>
            </xsl:if>
          </ul>
        </xsl:when>
        <xsl:otherwise>
          <p>
            <xsl:call-template name="site:s">
              <xsl:with-param name="id" select="'no-documents'"/>
            </xsl:call-template>
          </p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template name="site:pdf-link">
    <xsl:param name="href"/>
    <xsl:param name="kind"/>
    <xsl:param name="bytes"/>
    <li>
      <a href="{$href}" type="application/pdf">
        <xsl:call-template name="site:s">
          <xsl:with-param name="id" select="$kind"/>
        </xsl:call-template>
        <xsl:text> (</xsl:text>
        <xsl:call-template name="site:s">
          <xsl:with-param name="id" select="'pdf'"/>
        </xsl:call-template>
        <xsl:text>, </xsl:text>
        <xsl:call-template name="site:size">
          <xsl:with-param name="bytes" select="$bytes"/>
        </xsl:call-template>
        <xsl:text>)</xsl:text>
      </a>
    </li>
  </xsl:template>

  <!-- Before the meeting: who is invited, the agenda with each item's presenters and first
       paragraph, how to report absence. -->
  <xsl:template name="site:kallelse">
    <xsl:if test="m:participants">
      <section aria-labelledby="kallade">
        <h2 id="kallade">
          <xsl:call-template name="site:s">
            <xsl:with-param name="id" select="'invited'"/>
          </xsl:call-template>
        </h2>
        <xsl:call-template name="site:participants"/>
      </section>
    </xsl:if>
    <section aria-labelledby="dagordning">
      <h2 id="dagordning">
        <xsl:call-template name="site:s">
          <xsl:with-param name="id" select="'agenda'"/>
        </xsl:call-template>
      </h2>
      <ol class="agenda">
        <xsl:for-each select="m:agenda/m:item">
          <li>
            <xsl:attribute name="id">
              <xsl:call-template name="site:item-anchor"/>
            </xsl:attribute>
            <h3 id="{@id}{substring('punkt-', 1, 6 * number(not(@id)))}{substring(
                       count(preceding-sibling::m:item) + 1, 1, 9 * number(not(@id)))}-rubrik">
              <xsl:call-template name="site:item-heading"/>
            </h3>
            <xsl:call-template name="site:presenters"/>
            <!-- The first paragraph says what the item is about; a kalendarium is shown whole
                 (the dates are what a reader of the kallelse needs). -->
            <xsl:if test="not(@public = 'no') or $show-closed = 'yes'">
              <xsl:apply-templates select="m:p[1] | m:calendar" mode="site:block"/>
            </xsl:if>
          </li>
        </xsl:for-each>
      </ol>
    </section>
    <xsl:if test="@status = 'planned'">
      <p>
        <xsl:call-template name="site:s">
          <xsl:with-param name="id" select="'minutes-later'"/>
        </xsl:call-template>
      </p>
    </xsl:if>
    <xsl:for-each select="$common:secretary">
      <section aria-labelledby="forhinder">
        <h2 id="forhinder">
          <xsl:call-template name="site:s">
            <xsl:with-param name="id" select="'absence-heading'"/>
          </xsl:call-template>
        </h2>
        <p>
          <xsl:call-template name="site:s">
            <xsl:with-param name="id" select="'absence-to'"/>
          </xsl:call-template>
          <xsl:value-of select="concat(' ', normalize-space(m:name))"/>
          <xsl:if test="$common:secretary-email != ''">
            <xsl:text>, </xsl:text>
            <xsl:call-template name="site:s">
              <xsl:with-param name="id" select="'email-lower'"/>
            </xsl:call-template>
            <xsl:text> </xsl:text>
            <a href="mailto:{$common:secretary-email}">
              <xsl:value-of select="$common:secretary-email"/>
            </a>
          </xsl:if>
          <xsl:text>.</xsl:text>
        </p>
      </section>
    </xsl:for-each>
  </xsl:template>

  <!-- After the meeting: who was there, every item in full, attachments, who wrote it. -->
  <xsl:template name="site:minutes">
    <xsl:if test="m:participants">
      <xsl:call-template name="site:attendance">
        <xsl:with-param name="which" select="'present'"/>
      </xsl:call-template>
      <xsl:call-template name="site:attendance">
        <xsl:with-param name="which" select="'absent'"/>
      </xsl:call-template>
      <xsl:call-template name="site:attendance">
        <xsl:with-param name="which" select="'vacancy'"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:for-each select="m:agenda/m:item">
      <xsl:variable name="anchor">
        <xsl:call-template name="site:item-anchor"/>
      </xsl:variable>
      <section class="item" id="{$anchor}" aria-labelledby="{$anchor}-rubrik">
        <h2 id="{$anchor}-rubrik">
          <xsl:call-template name="site:item-heading"/>
        </h2>
        <xsl:if test="@dnr">
          <p class="meta">
            <xsl:call-template name="site:s">
              <xsl:with-param name="id" select="'dnr'"/>
            </xsl:call-template>
            <xsl:value-of select="concat(' ', @dnr)"/>
          </p>
        </xsl:if>
        <xsl:call-template name="site:presenters"/>
        <xsl:choose>
          <xsl:when test="not(@public = 'no') or $show-closed = 'yes'">
            <xsl:apply-templates select="*[not(self::m:title or self::m:presenter)]"
                mode="site:block">
              <xsl:with-param name="level" select="3"/>
            </xsl:apply-templates>
          </xsl:when>
          <xsl:otherwise>
            <p>
              <xsl:call-template name="site:s">
                <xsl:with-param name="id" select="'closed-item'"/>
              </xsl:call-template>
            </p>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="@immediate-approval = 'yes'">
          <p>
            <xsl:call-template name="site:s">
              <xsl:with-param name="id" select="'immediate-approval'"/>
            </xsl:call-template>
          </p>
        </xsl:if>
      </section>
    </xsl:for-each>
    <xsl:if test="m:attachments">
      <section aria-labelledby="bilagor">
        <h2 id="bilagor">
          <xsl:call-template name="site:s">
            <xsl:with-param name="id" select="'attachments'"/>
          </xsl:call-template>
        </h2>
        <ul>
          <xsl:for-each select="m:attachments/m:attachment">
            <li>
              <xsl:choose>
                <xsl:when test="@src">
                  <a href="{@src}">
                    <xsl:apply-templates mode="site:inline"/>
                  </a>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:apply-templates mode="site:inline"/>
                </xsl:otherwise>
              </xsl:choose>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
    <xsl:for-each select="m:recorded-by">
      <p class="recorded-by">
        <xsl:call-template name="site:s">
          <xsl:with-param name="id" select="'recorded-by'"/>
        </xsl:call-template>
        <xsl:text> </xsl:text>
        <xsl:apply-templates mode="site:inline"/>
        <xsl:variable name="email"
            select="normalize-space(concat(@email,
                      substring(key('common:person', @ref)/m:email, 1 div not(@email))))"/>
        <xsl:if test="$email != ''">
          <xsl:text>, </xsl:text>
          <a href="mailto:{$email}">
            <xsl:value-of select="$email"/>
          </a>
        </xsl:if>
      </p>
    </xsl:for-each>
  </xsl:template>

  <!-- Närvarande / Förhinder / Vakans: a section with one list per group (only when someone
       is in it). -->
  <xsl:template name="site:attendance">
    <xsl:param name="which"/>
    <xsl:variable name="people"
        select="m:participants/m:group/m:person[$which != 'vacancy' and @attendance = $which]
                | m:participants/m:group/m:vacancy[$which = 'vacancy']"/>
    <xsl:if test="$people">
      <section aria-labelledby="{$which}">
        <h2 id="{$which}">
          <xsl:call-template name="site:s">
            <xsl:with-param name="id" select="$which"/>
          </xsl:call-template>
        </h2>
        <xsl:call-template name="site:participants">
          <xsl:with-param name="which" select="$which"/>
        </xsl:call-template>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- The groups of participants: each group's name as an h3 (when it has one) and a list. -->
  <xsl:template name="site:participants">
    <xsl:param name="which" select="'all'"/>
    <xsl:for-each select="/m:meeting/m:participants/m:group">
      <xsl:variable name="people"
          select="m:person[$which = 'all' or @attendance = $which]
                  | m:vacancy[$which = 'all' or $which = 'vacancy']"/>
      <xsl:if test="$people">
        <xsl:variable name="name"
            select="normalize-space(concat(@name,
                      substring(/m:meeting/m:bodies/m:body[@id = current()/@body],
                                1 div not(@name))))"/>
        <xsl:if test="$name != ''">
          <h3>
            <xsl:value-of select="$name"/>
          </h3>
        </xsl:if>
        <ul class="people">
          <xsl:apply-templates select="$people" mode="site:participant"/>
        </ul>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="m:person" mode="site:participant">
    <li>
      <span class="name">
        <xsl:value-of select="normalize-space(m:name)"/>
        <xsl:if test="@party">
          <xsl:value-of select="concat(' (', @party, ')')"/>
        </xsl:if>
      </span>
      <xsl:if test="m:org">
        <xsl:value-of select="concat(', ', normalize-space(m:org))"/>
      </xsl:if>
      <xsl:call-template name="common:roles"/>
      <xsl:if test="@replaces">
        <xsl:text>, </xsl:text>
        <xsl:call-template name="site:s">
          <xsl:with-param name="id" select="'replaces'"/>
        </xsl:call-template>
        <xsl:text> </xsl:text>
        <xsl:for-each select="key('common:person', @replaces)">
          <xsl:call-template name="l10n:person">
            <xsl:with-param name="person" select="."/>
            <xsl:with-param name="org" select="''"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:if>
    </li>
  </xsl:template>

  <xsl:template match="m:vacancy" mode="site:participant">
    <li>
      <xsl:call-template name="site:s">
        <xsl:with-param name="id" select="'vacancy'"/>
      </xsl:call-template>
      <xsl:value-of select="concat(', ', normalize-space(m:org))"/>
    </li>
  </xsl:template>

  <!-- "2. Portföljen för social hållbarhet", or "§ 12 Val av justerare" in a protokoll. -->
  <xsl:template name="site:item-heading">
    <xsl:call-template name="common:item-number">
      <xsl:with-param name="paragraph"
          select="substring('yes', 1, 3 * number(/m:meeting/@kind = 'protokoll'))"/>
    </xsl:call-template>
    <xsl:text> </xsl:text>
    <xsl:apply-templates select="m:title/node()" mode="site:inline"/>
  </xsl:template>

  <!-- "Föredragande: Yvonne Haneskog, Kommunledningsförvaltningen och …". -->
  <xsl:template name="site:presenters">
    <xsl:if test="m:presenter">
      <p class="meta">
        <xsl:call-template name="site:s">
          <xsl:with-param name="id" select="'presenter'"/>
        </xsl:call-template>
        <xsl:text>: </xsl:text>
        <xsl:for-each select="m:presenter">
          <xsl:choose>
            <xsl:when test="position() = 1"/>
            <xsl:when test="position() = last()">
              <xsl:text> </xsl:text>
              <xsl:call-template name="site:s">
                <xsl:with-param name="id" select="'and'"/>
              </xsl:call-template>
              <xsl:text> </xsl:text>
            </xsl:when>
            <xsl:otherwise>, </xsl:otherwise>
          </xsl:choose>
          <span class="name">
            <xsl:value-of select="normalize-space(.)"/>
          </span>
          <xsl:if test="@org">
            <xsl:value-of select="concat(', ', normalize-space(@org))"/>
          </xsl:if>
        </xsl:for-each>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- == Block content (mode site:block; level: the heading level a sub-heading gets) == -->

  <xsl:template match="m:*" mode="site:block" priority="-1">
    <xsl:call-template name="common:unhandled"/>
  </xsl:template>

  <xsl:template match="m:*" mode="site:inline" priority="-1">
    <xsl:call-template name="common:unhandled"/>
  </xsl:template>

  <xsl:template match="m:p" mode="site:block">
    <p>
      <xsl:call-template name="site:lang"/>
      <xsl:apply-templates mode="site:inline"/>
    </p>
  </xsl:template>

  <!-- An xml:lang that differs from Swedish is kept, so screen readers switch voice. -->
  <xsl:template name="site:lang">
    <xsl:if test="@xml:lang and not(starts-with(@xml:lang, 'sv'))">
      <xsl:attribute name="lang">
        <xsl:value-of select="@xml:lang"/>
      </xsl:attribute>
    </xsl:if>
  </xsl:template>

  <xsl:template match="m:heading" mode="site:block">
    <xsl:param name="level" select="3"/>
    <xsl:element name="h{$level}">
      <xsl:call-template name="site:lang"/>
      <xsl:apply-templates mode="site:inline"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="m:list" mode="site:block">
    <xsl:param name="level" select="3"/>
    <xsl:element name="{substring('ol', 1, 2 * number(@type = 'numbered'))}{substring('ul', 1,
                        2 * number(not(@type = 'numbered')))}">
      <xsl:call-template name="site:lang"/>
      <xsl:for-each select="m:li">
        <li>
          <xsl:call-template name="site:lang"/>
          <xsl:call-template name="site:inline-or-blocks">
            <xsl:with-param name="level" select="$level"/>
          </xsl:call-template>
        </li>
      </xsl:for-each>
    </xsl:element>
  </xsl:template>

  <!-- The content of an li or a cell: blocks as blocks, running text as it is. -->
  <xsl:template name="site:inline-or-blocks">
    <xsl:param name="level" select="3"/>
    <xsl:choose>
      <xsl:when test="m:p | m:heading | m:list | m:figure | m:table">
        <xsl:apply-templates select="*" mode="site:block">
          <xsl:with-param name="level" select="$level"/>
        </xsl:apply-templates>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates mode="site:inline"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="m:figure" mode="site:block">
    <figure>
      <xsl:call-template name="site:lang"/>
      <img src="{m:image/@src}" alt="{normalize-space(m:image/@alt)}"/>
      <xsl:for-each select="m:caption">
        <figcaption>
          <xsl:apply-templates mode="site:inline"/>
        </figcaption>
      </xsl:for-each>
    </figure>
  </xsl:template>

  <!-- A table's box scrolls sideways on a narrow screen (WCAG 1.4.10 lets data tables keep
       two dimensions), so the keyboard can reach it (tabindex) and it is a named region: by
       its caption, else by the heading of its item. -->
  <xsl:template name="site:item-label">
    <xsl:for-each select="ancestor::m:item[1]">
      <xsl:attribute name="aria-labelledby">
        <xsl:call-template name="site:item-anchor"/>
        <xsl:text>-rubrik</xsl:text>
      </xsl:attribute>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="m:table" mode="site:block">
    <xsl:param name="level" select="3"/>
    <xsl:variable name="id" select="concat('tabell-', count(preceding::m:table) + 1)"/>
    <div class="table" role="region" tabindex="0">
      <xsl:choose>
        <xsl:when test="m:caption">
          <xsl:attribute name="aria-labelledby">
            <xsl:value-of select="$id"/>
          </xsl:attribute>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="site:item-label"/>
        </xsl:otherwise>
      </xsl:choose>
      <table>
        <xsl:call-template name="site:lang"/>
        <xsl:for-each select="m:caption">
          <caption id="{$id}">
            <xsl:apply-templates mode="site:inline"/>
          </caption>
        </xsl:for-each>
        <xsl:if test="m:thead">
          <thead>
            <xsl:for-each select="m:thead/m:row">
              <tr>
                <xsl:for-each select="m:cell">
                  <th>
                    <xsl:attribute name="scope">
                      <xsl:choose>
                        <xsl:when test="@colspan &gt; 1">colgroup</xsl:when>
                        <xsl:otherwise>col</xsl:otherwise>
                      </xsl:choose>
                    </xsl:attribute>
                    <xsl:call-template name="site:cell">
                      <xsl:with-param name="level" select="$level"/>
                    </xsl:call-template>
                  </th>
                </xsl:for-each>
              </tr>
            </xsl:for-each>
          </thead>
        </xsl:if>
        <tbody>
          <xsl:for-each select="m:tbody/m:row">
            <tr>
              <xsl:for-each select="m:cell">
                <td>
                  <xsl:call-template name="site:cell">
                    <xsl:with-param name="level" select="$level"/>
                  </xsl:call-template>
                </td>
              </xsl:for-each>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <xsl:template name="site:cell">
    <xsl:param name="level"/>
    <xsl:if test="@colspan &gt; 1">
      <xsl:attribute name="colspan"><xsl:value-of select="@colspan"/></xsl:attribute>
    </xsl:if>
    <xsl:if test="@rowspan &gt; 1">
      <xsl:attribute name="rowspan"><xsl:value-of select="@rowspan"/></xsl:attribute>
    </xsl:if>
    <xsl:call-template name="site:lang"/>
    <xsl:call-template name="site:inline-or-blocks">
      <xsl:with-param name="level" select="$level"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A group with a heading of its own (discussion group, working group): its heading at
       level, its blocks one level below. -->
  <xsl:template match="m:discussion-group" mode="site:block">
    <xsl:param name="level" select="3"/>
    <section class="group">
      <xsl:call-template name="site:lang"/>
      <xsl:element name="h{$level}">
        <xsl:value-of select="normalize-space(@name)"/>
      </xsl:element>
      <xsl:apply-templates select="*" mode="site:block">
        <xsl:with-param name="level" select="$level + 1"/>
      </xsl:apply-templates>
    </section>
  </xsl:template>

  <xsl:template match="m:working-group" mode="site:block">
    <xsl:param name="level" select="3"/>
    <section class="group">
      <xsl:call-template name="site:lang"/>
      <xsl:element name="h{$level}">
        <xsl:call-template name="site:s">
          <xsl:with-param name="id" select="'working-group'"/>
        </xsl:call-template>
        <xsl:value-of select="concat(': ', normalize-space(@name))"/>
      </xsl:element>
      <xsl:if test="m:member">
        <p>
          <xsl:call-template name="site:s">
            <xsl:with-param name="id" select="'participants'"/>
          </xsl:call-template>
          <xsl:text>: </xsl:text>
          <xsl:for-each select="m:member">
            <xsl:choose>
              <xsl:when test="position() = 1"/>
              <xsl:when test="position() = last()">
                <xsl:text> </xsl:text>
                <xsl:call-template name="site:s">
                  <xsl:with-param name="id" select="'and'"/>
                </xsl:call-template>
                <xsl:text> </xsl:text>
              </xsl:when>
              <xsl:otherwise>, </xsl:otherwise>
            </xsl:choose>
            <span class="name">
              <xsl:apply-templates mode="site:inline"/>
            </span>
          </xsl:for-each>
        </p>
      </xsl:if>
      <xsl:apply-templates select="m:task/*" mode="site:block">
        <xsl:with-param name="level" select="$level + 1"/>
      </xsl:apply-templates>
    </section>
  </xsl:template>

  <!-- A decision, set apart. -->
  <xsl:template match="m:decision" mode="site:block">
    <xsl:param name="level" select="3"/>
    <div class="decision">
      <xsl:call-template name="site:lang"/>
      <p class="label">
        <strong>
          <xsl:call-template name="site:s">
            <xsl:with-param name="id" select="'decision'"/>
          </xsl:call-template>
        </strong>
      </p>
      <xsl:apply-templates select="*" mode="site:block">
        <xsl:with-param name="level" select="$level"/>
      </xsl:apply-templates>
    </div>
  </xsl:template>

  <!-- An uppdrag: "Uppdrag: text (Ansvarig: …. Klart senast: …)", with the anchor the page of
       uppdrag links to. -->
  <xsl:template match="m:action" mode="site:block">
    <p class="action">
      <xsl:attribute name="id">
        <xsl:call-template name="site:action-anchor"/>
      </xsl:attribute>
      <xsl:call-template name="site:lang"/>
      <strong>
        <xsl:call-template name="site:s">
          <xsl:with-param name="id" select="'action'"/>
        </xsl:call-template>
        <xsl:text>:</xsl:text>
      </strong>
      <xsl:text> </xsl:text>
      <xsl:apply-templates mode="site:inline"/>
      <xsl:if test="@who or @due">
        <span class="meta">
          <xsl:text> (</xsl:text>
          <xsl:call-template name="common:action-who-due"/>
          <xsl:text>)</xsl:text>
        </span>
      </xsl:if>
      <xsl:if test="@status = 'done'">
        <xsl:text> </xsl:text>
        <span class="status done">
          <xsl:call-template name="site:s">
            <xsl:with-param name="id" select="'action-done'"/>
          </xsl:call-template>
        </span>
      </xsl:if>
    </p>
  </xsl:template>

  <!-- A kalendarium inside an item: a table with a header row. -->
  <xsl:template match="m:calendar" mode="site:block">
    <div class="table" role="region" tabindex="0">
      <xsl:call-template name="site:item-label"/>
      <table>
        <xsl:call-template name="site:lang"/>
        <thead>
          <tr>
            <xsl:call-template name="site:th">
              <xsl:with-param name="id" select="'date'"/>
            </xsl:call-template>
            <xsl:call-template name="site:th">
              <xsl:with-param name="id" select="'time'"/>
            </xsl:call-template>
            <xsl:call-template name="site:th">
              <xsl:with-param name="id" select="'place'"/>
            </xsl:call-template>
            <xsl:call-template name="site:th">
              <xsl:with-param name="id" select="'event'"/>
            </xsl:call-template>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="m:entry">
            <tr>
              <td>
                <xsl:call-template name="site:entry-day"/>
              </td>
              <td class="time">
                <xsl:call-template name="site:times">
                  <xsl:with-param name="times" select="m:time"/>
                </xsl:call-template>
              </td>
              <td>
                <xsl:for-each select="m:place">
                  <xsl:call-template name="common:place"/>
                </xsl:for-each>
              </td>
              <td>
                <xsl:apply-templates select="m:title/node()" mode="site:inline"/>
                <xsl:for-each select="m:note">
                  <br/>
                  <small>
                    <xsl:apply-templates mode="site:inline"/>
                  </small>
                </xsl:for-each>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <xsl:template name="site:th">
    <xsl:param name="id"/>
    <th scope="col">
      <xsl:call-template name="site:s">
        <xsl:with-param name="id" select="$id"/>
      </xsl:call-template>
    </th>
  </xsl:template>

  <!-- The day of an entry or event (context): "30 januari 2024", "April 2024", "Hösten 2020",
       with "(preliminärt)" or "(inställt)". -->
  <xsl:template name="site:entry-day">
    <xsl:choose>
      <xsl:when test="@date">
        <time datetime="{@date}">
          <xsl:call-template name="l10n:date-short">
            <xsl:with-param name="date" select="@date"/>
          </xsl:call-template>
        </time>
      </xsl:when>
      <xsl:when test="@month">
        <time datetime="{@month}">
          <xsl:call-template name="l10n:month-year">
            <xsl:with-param name="date" select="@month"/>
            <xsl:with-param name="capitalise" select="'yes'"/>
          </xsl:call-template>
        </time>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="l10n:term">
          <xsl:with-param name="term" select="@term"/>
          <xsl:with-param name="capitalise" select="'yes'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="@status = 'preliminary' or @status = 'cancelled'">
      <xsl:text> (</xsl:text>
      <xsl:variable name="status">
        <xsl:call-template name="site:s">
          <xsl:with-param name="id" select="@status"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:value-of select="translate($status, $l10n:upper, $l10n:lower)"/>
      <xsl:text>)</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- Times joined with ", ": "kl. 16.00–18.00". -->
  <xsl:template name="site:times">
    <xsl:param name="times"/>
    <xsl:for-each select="$times">
      <xsl:if test="position() &gt; 1">, </xsl:if>
      <xsl:call-template name="l10n:time-range">
        <xsl:with-param name="start" select="@start"/>
        <xsl:with-param name="end" select="@end"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- A watch list: a list, each entry's title in bold and its notes. -->
  <xsl:template match="m:watchlist" mode="site:block">
    <xsl:param name="level" select="3"/>
    <ul class="watchlist">
      <xsl:call-template name="site:lang"/>
      <xsl:for-each select="m:watch">
        <li>
          <xsl:call-template name="site:lang"/>
          <p>
            <strong>
              <xsl:apply-templates select="m:title/node()" mode="site:inline"/>
            </strong>
          </p>
          <xsl:apply-templates select="*[not(self::m:title)]" mode="site:block">
            <xsl:with-param name="level" select="$level"/>
          </xsl:apply-templates>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <!-- Formal protokoll: yrkande, reservation, protokollsanteckning, propositionsordning and
       votering as labelled groups. -->
  <xsl:template match="m:proposal | m:dissent | m:recorded-note" mode="site:block">
    <xsl:param name="level" select="3"/>
    <div class="labelled">
      <xsl:call-template name="site:lang"/>
      <p class="label">
        <strong>
          <xsl:call-template name="site:s">
            <xsl:with-param name="id" select="local-name()"/>
          </xsl:call-template>
          <xsl:text>: </xsl:text>
          <xsl:call-template name="common:who">
            <xsl:with-param name="ids" select="@by"/>
          </xsl:call-template>
        </strong>
      </p>
      <xsl:apply-templates select="*" mode="site:block">
        <xsl:with-param name="level" select="$level"/>
      </xsl:apply-templates>
    </div>
  </xsl:template>

  <xsl:template match="m:proposition-order" mode="site:block">
    <xsl:param name="level" select="3"/>
    <div class="labelled">
      <xsl:call-template name="site:lang"/>
      <p class="label">
        <strong>
          <xsl:call-template name="site:s">
            <xsl:with-param name="id" select="'proposition-order'"/>
          </xsl:call-template>
        </strong>
      </p>
      <xsl:apply-templates select="*" mode="site:block">
        <xsl:with-param name="level" select="$level"/>
      </xsl:apply-templates>
    </div>
  </xsl:template>

  <!-- A votering: the count, then each voter in a table (name, choice). -->
  <xsl:template match="m:vote" mode="site:block">
    <xsl:param name="level" select="3"/>
    <div class="labelled">
      <xsl:call-template name="site:lang"/>
      <p class="label">
        <strong>
          <xsl:call-template name="site:s">
            <xsl:with-param name="id" select="'vote'"/>
          </xsl:call-template>
          <xsl:text>: </xsl:text>
          <xsl:call-template name="site:s">
            <xsl:with-param name="id" select="'vote-yes'"/>
          </xsl:call-template>
          <xsl:value-of select="concat(' ', @yes, ', ')"/>
          <xsl:call-template name="site:s">
            <xsl:with-param name="id" select="'vote-no'"/>
          </xsl:call-template>
          <xsl:value-of select="concat(' ', @no, ', ')"/>
          <xsl:call-template name="site:s">
            <xsl:with-param name="id" select="'vote-abstain'"/>
          </xsl:call-template>
          <xsl:value-of select="concat(' ', @abstain)"/>
        </strong>
      </p>
      <xsl:if test="m:voter">
        <ul class="voters">
          <xsl:for-each select="m:voter">
            <li>
              <xsl:for-each select="key('common:person', @ref)">
                <xsl:call-template name="l10n:person">
                  <xsl:with-param name="person" select="."/>
                  <xsl:with-param name="org" select="''"/>
                </xsl:call-template>
              </xsl:for-each>
              <xsl:text>: </xsl:text>
              <xsl:call-template name="site:s">
                <xsl:with-param name="id" select="concat('vote-', @choice)"/>
              </xsl:call-template>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <xsl:apply-templates select="*[not(self::m:voter)]" mode="site:block">
        <xsl:with-param name="level" select="$level"/>
      </xsl:apply-templates>
    </div>
  </xsl:template>

  <!-- == Inline content (mode site:inline) == -->

  <xsl:template match="text()" mode="site:inline">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template match="m:em" mode="site:inline">
    <em>
      <xsl:call-template name="site:lang"/>
      <xsl:apply-templates mode="site:inline"/>
    </em>
  </xsl:template>

  <xsl:template match="m:strong" mode="site:inline">
    <strong>
      <xsl:call-template name="site:lang"/>
      <xsl:apply-templates mode="site:inline"/>
    </strong>
  </xsl:template>

  <xsl:template match="m:link" mode="site:inline">
    <a href="{@href}">
      <xsl:call-template name="site:lang"/>
      <xsl:apply-templates mode="site:inline"/>
    </a>
  </xsl:template>

  <xsl:template match="m:personname" mode="site:inline">
    <span class="name">
      <xsl:call-template name="site:lang"/>
      <xsl:apply-templates mode="site:inline"/>
    </span>
  </xsl:template>

  <xsl:template match="m:amount" mode="site:inline">
    <data value="{@value}">
      <xsl:call-template name="site:lang"/>
      <xsl:apply-templates mode="site:inline"/>
    </data>
  </xsl:template>

  <xsl:template match="m:date" mode="site:inline">
    <time datetime="{@value}">
      <xsl:call-template name="site:lang"/>
      <xsl:apply-templates mode="site:inline"/>
    </time>
  </xsl:template>

  <xsl:template match="m:time" mode="site:inline">
    <time datetime="{@start}">
      <xsl:call-template name="site:lang"/>
      <xsl:apply-templates mode="site:inline"/>
    </time>
  </xsl:template>

  <xsl:template match="m:abbr" mode="site:inline">
    <abbr>
      <xsl:if test="@title">
        <xsl:attribute name="title">
          <xsl:value-of select="@title"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:call-template name="site:lang"/>
      <xsl:apply-templates mode="site:inline"/>
    </abbr>
  </xsl:template>

  <!-- == The index: every meeting by year, newest first == -->

  <xsl:template name="site:index">
    <p class="intro">
      <xsl:call-template name="site:s">
        <xsl:with-param name="id" select="'index-intro'"/>
      </xsl:call-template>
    </p>
    <xsl:if test="not(sd:meeting)">
      <p>
        <xsl:call-template name="site:s">
          <xsl:with-param name="id" select="'no-meetings'"/>
        </xsl:call-template>
      </p>
    </xsl:if>
    <xsl:for-each select="sd:meeting[generate-id() =
                            generate-id(key('site:meeting-year', substring(@date, 1, 4))[1])]">
      <xsl:sort select="substring(@date, 1, 4)" order="descending"/>
      <xsl:variable name="year" select="substring(@date, 1, 4)"/>
      <section aria-labelledby="ar-{$year}">
        <h2 id="ar-{$year}">
          <xsl:value-of select="$year"/>
        </h2>
        <ul class="meetings">
          <xsl:for-each select="key('site:meeting-year', $year)">
            <xsl:sort select="@date" order="descending"/>
            <xsl:sort select="@start" order="descending"/>
            <xsl:sort select="@name" order="descending"/>
            <li>
              <a href="{@name}/index.html">
                <xsl:call-template name="site:meeting-title">
                  <xsl:with-param name="meeting" select="."/>
                </xsl:call-template>
                <xsl:text>, </xsl:text>
                <time datetime="{@date}">
                  <xsl:call-template name="l10n:date-long">
                    <xsl:with-param name="date" select="@date"/>
                  </xsl:call-template>
                </time>
              </a>
              <xsl:text> </xsl:text>
              <span class="meta">
                <xsl:call-template name="site:kind">
                  <xsl:with-param name="kind" select="@kind"/>
                </xsl:call-template>
                <xsl:if test="@status = 'cancelled'">
                  <xsl:text>, </xsl:text>
                  <xsl:variable name="cancelled">
                    <xsl:call-template name="site:s">
                      <xsl:with-param name="id" select="'cancelled'"/>
                    </xsl:call-template>
                  </xsl:variable>
                  <xsl:value-of select="translate($cancelled, $l10n:upper, $l10n:lower)"/>
                </xsl:if>
                <xsl:if test="translate(@date, '-', '') &gt; translate($build-date, '-', '') or
                              (@date = $build-date and @status = 'planned')">
                  <xsl:text> · </xsl:text>
                  <xsl:call-template name="site:s">
                    <xsl:with-param name="id" select="'upcoming'"/>
                  </xsl:call-template>
                </xsl:if>
              </span>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:for-each>
  </xsl:template>

  <!-- == The calendar: every meeting and announced event once, by year == -->

  <xsl:template name="site:calendar">
    <p class="intro">
      <xsl:call-template name="site:s">
        <xsl:with-param name="id" select="'calendar-intro'"/>
      </xsl:call-template>
    </p>
    <xsl:if test="$feeds = 'yes'">
      <section aria-labelledby="prenumerera">
        <h2 id="prenumerera">
          <xsl:call-template name="site:s">
            <xsl:with-param name="id" select="'subscribe'"/>
          </xsl:call-template>
        </h2>
        <p>
          <xsl:call-template name="site:s">
            <xsl:with-param name="id" select="'subscribe-intro'"/>
          </xsl:call-template>
        </p>
        <ul class="feeds">
          <li>
            <a href="kalender.ics" type="text/calendar">
              <xsl:call-template name="site:s">
                <xsl:with-param name="id" select="'feed-all'"/>
              </xsl:call-template>
              <xsl:text> (</xsl:text>
              <xsl:call-template name="site:s">
                <xsl:with-param name="id" select="'ics'"/>
              </xsl:call-template>
              <xsl:text>)</xsl:text>
            </a>
          </li>
          <xsl:for-each select="sd:meeting/m:bodies/m:body[generate-id() = generate-id(key('site:body', @id)[1])]">
            <xsl:sort select="translate(normalize-space(.), $l10n:sort-from, $l10n:sort-to)"/>
            <li>
              <a href="kalender/{translate(@id, $site:slug-from, $site:slug-to)}.ics"
                  type="text/calendar">
                <xsl:call-template name="site:s">
                  <xsl:with-param name="id" select="'feed-of'"/>
                </xsl:call-template>
                <xsl:value-of select="concat(' ', normalize-space(.), ' (')"/>
                <xsl:call-template name="site:s">
                  <xsl:with-param name="id" select="'ics'"/>
                </xsl:call-template>
                <xsl:text>)</xsl:text>
              </a>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
    <xsl:variable name="unique"
        select="//sd:event[generate-id() = generate-id(key('site:event', @key)[1])]"/>
    <xsl:for-each select="$unique[generate-id() =
                            generate-id(key('site:event-year', substring(@sort, 1, 4))[1])]">
      <xsl:sort select="substring(@sort, 1, 4)" order="descending"/>
      <xsl:variable name="year" select="substring(@sort, 1, 4)"/>
      <section aria-labelledby="kalender-{$year}">
        <h2 id="kalender-{$year}">
          <xsl:value-of select="$year"/>
        </h2>
        <div class="table" role="region" tabindex="0" aria-labelledby="kalender-{$year}">
          <table>
            <thead>
              <tr>
                <xsl:call-template name="site:th">
                  <xsl:with-param name="id" select="'date'"/>
                </xsl:call-template>
                <xsl:call-template name="site:th">
                  <xsl:with-param name="id" select="'time'"/>
                </xsl:call-template>
                <xsl:call-template name="site:th">
                  <xsl:with-param name="id" select="'event'"/>
                </xsl:call-template>
                <xsl:call-template name="site:th">
                  <xsl:with-param name="id" select="'place'"/>
                </xsl:call-template>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="$unique[substring(@sort, 1, 4) = $year]">
                <xsl:sort select="@sort"/>
                <xsl:sort select="@key"/>
                <!-- The meeting itself over its announcements; else the newest announcement. -->
                <xsl:for-each select="key('site:event', @key)">
                  <xsl:sort select="number(@source = 'meeting')" data-type="number"
                      order="descending"/>
                  <xsl:sort select="@from" order="descending"/>
                  <xsl:if test="position() = 1">
                    <xsl:call-template name="site:event-row"/>
                  </xsl:if>
                </xsl:for-each>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </section>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="site:event-row">
    <tr>
      <th scope="row">
        <xsl:call-template name="site:entry-day"/>
      </th>
      <td class="time">
        <xsl:call-template name="site:times">
          <xsl:with-param name="times" select="sd:time"/>
        </xsl:call-template>
      </td>
      <td>
        <xsl:choose>
          <xsl:when test="@source = 'meeting'">
            <a href="{../@name}/index.html">
              <xsl:apply-templates select="m:title/node()" mode="site:inline"/>
            </a>
          </xsl:when>
          <xsl:otherwise>
            <xsl:apply-templates select="m:title/node()" mode="site:inline"/>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:for-each select="m:note">
          <br/>
          <small>
            <xsl:apply-templates mode="site:inline"/>
          </small>
        </xsl:for-each>
      </td>
      <td>
        <xsl:for-each select="m:place">
          <xsl:call-template name="common:place"/>
        </xsl:for-each>
      </td>
    </tr>
  </xsl:template>

  <!-- == Uppdrag: every action of every meeting, open first, newest meeting first == -->

  <xsl:template name="site:actions">
    <p class="intro">
      <xsl:call-template name="site:s">
        <xsl:with-param name="id" select="'actions-intro'"/>
      </xsl:call-template>
    </p>
    <xsl:variable name="all" select="sd:meeting/sd:action"/>
    <xsl:variable name="done" select="$all[@status = 'done' or key('site:closes', @id)]"/>
    <xsl:variable name="open" select="$all[not(@status = 'done' or key('site:closes', @id))]"/>
    <xsl:call-template name="site:action-table">
      <xsl:with-param name="id" select="'actions-open'"/>
      <xsl:with-param name="actions" select="$open"/>
    </xsl:call-template>
    <xsl:call-template name="site:action-table">
      <xsl:with-param name="id" select="'actions-done'"/>
      <xsl:with-param name="actions" select="$done"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="site:action-table">
    <xsl:param name="id"/>
    <xsl:param name="actions"/>
    <section aria-labelledby="{$id}">
      <h2 id="{$id}">
        <xsl:call-template name="site:s">
          <xsl:with-param name="id" select="$id"/>
        </xsl:call-template>
      </h2>
      <xsl:choose>
        <xsl:when test="not($actions)">
          <p>
            <xsl:call-template name="site:s">
              <xsl:with-param name="id" select="'no-actions'"/>
            </xsl:call-template>
          </p>
        </xsl:when>
        <xsl:otherwise>
          <div class="table" role="region" tabindex="0" aria-labelledby="{$id}">
            <table class="actions">
              <thead>
                <tr>
                  <xsl:call-template name="site:th">
                    <xsl:with-param name="id" select="'action'"/>
                  </xsl:call-template>
                  <xsl:call-template name="site:th">
                    <xsl:with-param name="id" select="'responsible'"/>
                  </xsl:call-template>
                  <xsl:call-template name="site:th">
                    <xsl:with-param name="id" select="'from-meeting'"/>
                  </xsl:call-template>
                  <xsl:call-template name="site:th">
                    <xsl:with-param name="id" select="'due'"/>
                  </xsl:call-template>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="$actions">
                  <xsl:sort select="../@date" order="descending"/>
                  <xsl:sort select="../@name" order="descending"/>
                  <xsl:call-template name="site:action-row"/>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template name="site:action-row">
    <xsl:variable name="meeting" select=".."/>
    <tr>
      <td>
        <xsl:apply-templates select="sd:text/node()" mode="site:inline"/>
        <xsl:for-each select="key('site:action', @follows)[1]">
          <br/>
          <small>
            <xsl:call-template name="site:s">
              <xsl:with-param name="id" select="'follows'"/>
            </xsl:call-template>
            <xsl:text> </xsl:text>
            <a href="{../@name}/index.html#{@anchor}">
              <xsl:call-template name="l10n:date-short">
                <xsl:with-param name="date" select="../@date"/>
              </xsl:call-template>
            </a>
          </small>
        </xsl:for-each>
        <xsl:for-each select="key('site:closes', @id)[1]">
          <br/>
          <small>
            <xsl:call-template name="site:s">
              <xsl:with-param name="id" select="'closed-by'"/>
            </xsl:call-template>
            <xsl:text> </xsl:text>
            <a href="{../@name}/index.html#{@anchor}">
              <xsl:call-template name="l10n:date-short">
                <xsl:with-param name="date" select="../@date"/>
              </xsl:call-template>
            </a>
          </small>
        </xsl:for-each>
      </td>
      <td>
        <xsl:choose>
          <xsl:when test="sd:who/m:person">
            <xsl:for-each select="sd:who/m:person">
              <xsl:if test="position() &gt; 1">
                <br/>
              </xsl:if>
              <span class="name">
                <xsl:call-template name="l10n:person">
                  <xsl:with-param name="person" select="."/>
                  <xsl:with-param name="org" select="''"/>
                </xsl:call-template>
              </span>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="site:s">
              <xsl:with-param name="id" select="'nobody'"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </td>
      <td>
        <a href="{$meeting/@name}/index.html#{@anchor}">
          <xsl:call-template name="site:meeting-title">
            <xsl:with-param name="meeting" select="$meeting"/>
          </xsl:call-template>
          <xsl:text>, </xsl:text>
          <xsl:call-template name="l10n:date-short">
            <xsl:with-param name="date" select="$meeting/@date"/>
          </xsl:call-template>
          <xsl:for-each select="sd:item">
            <xsl:text>, </xsl:text>
            <xsl:call-template name="site:s">
              <xsl:with-param name="id" select="'item'"/>
            </xsl:call-template>
            <xsl:value-of select="concat(' ', @n)"/>
            <xsl:if test="not(@n)">
              <xsl:value-of select="substring-after(@anchor, 'punkt-')"/>
            </xsl:if>
          </xsl:for-each>
        </a>
      </td>
      <td>
        <xsl:if test="@due">
          <time datetime="{@due}">
            <xsl:call-template name="l10n:date-short">
              <xsl:with-param name="date" select="@due"/>
            </xsl:call-template>
          </time>
        </xsl:if>
      </td>
    </tr>
  </xsl:template>

</xsl:stylesheet>
