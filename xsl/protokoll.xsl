<?xml version="1.0" encoding="UTF-8"?>
<!--
  The minutes of a held meeting: minnesanteckningar, or for kind="protokoll" the formal
  protokoll with paragraph numbers, justerare and the signature block. Present, absent and
  vacant seats; every agenda item with its full content (closed items only with
  show-closed="yes"); the actions gathered in a table at the end; attachments; who took the
  minutes. Words: xsl/lib/sv.xml; layout: xsl/lib/fo-page.xsl; content: xsl/lib/common.xsl.
  Reference: docs/documents.md; test: tests/unit/docs_test.c.
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
    xmlns:dates="urn:motesdok:dates"
    xmlns:brand="urn:motesdok:brand:1"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="m l10n common page protokoll dates brand str">

  <xsl:import href="lib/params.xsl"/>
  <xsl:import href="lib/l10n-sv.xsl"/>
  <xsl:import href="lib/dates.xsl"/>
  <xsl:import href="lib/brand.xsl"/>
  <xsl:import href="lib/fo-page.xsl"/>
  <xsl:import href="lib/common.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <!-- "yes" for a formal protokoll: paragraph numbers, justering, signatures. -->
  <xsl:variable name="protokoll:formal">
    <xsl:if test="/m:meeting/@kind = 'protokoll'">yes</xsl:if>
  </xsl:variable>

  <!-- The sv.xml id of the document's name. -->
  <xsl:variable name="protokoll:kind">
    <xsl:choose>
      <xsl:when test="$protokoll:formal = 'yes'">protokoll</xsl:when>
      <xsl:otherwise>minnesanteckningar</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- "yes" for the formal protokoll of a body of type "namnd", whose decisions can be
       appealed: it gets the ANSLAG/BEVIS block (a council of type "rad" has notes with no
       legal effect, and gets none). -->
  <xsl:variable name="protokoll:notice">
    <xsl:if test="$protokoll:formal = 'yes'
                  and /m:meeting/m:bodies/m:body[@type = 'namnd']">yes</xsl:if>
  </xsl:variable>

  <xsl:template match="/m:meeting">
    <xsl:call-template name="page:document">
      <xsl:with-param name="kind" select="$protokoll:kind"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The flow (page:document applies this to the meeting). -->
  <xsl:template match="/m:meeting" mode="page:content">
    <xsl:variable name="kind-word">
      <xsl:call-template name="common:s">
        <xsl:with-param name="id" select="$protokoll:kind"/>
      </xsl:call-template>
    </xsl:variable>
    <!-- A title that begins with the document's kind (the minutes of 2020-01-29 are titled
         "Minnesanteckningar fr&#229;n m&#246;te med ...") is the heading itself, so the kind is
         not said twice. -->
    <xsl:variable name="title-is-heading"
        select="starts-with(concat(normalize-space(m:title), ' '), concat($kind-word, ' '))"/>
    <xsl:call-template name="common:title-block">
      <xsl:with-param name="heading">
        <xsl:choose>
          <xsl:when test="$title-is-heading">
            <xsl:apply-templates select="m:title/node()" mode="common:inline"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="$kind-word"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="subtitle">
        <xsl:choose>
          <xsl:when test="$title-is-heading"/>
          <xsl:when test="m:title">
            <xsl:apply-templates select="m:title/node()" mode="common:inline"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="common:bodies"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:apply-templates select="m:participants" mode="protokoll"/>
    <xsl:apply-templates select="m:agenda/m:item" mode="protokoll"/>
    <xsl:call-template name="protokoll:actions"/>
    <xsl:apply-templates select="m:attachments" mode="protokoll"/>
    <xsl:apply-templates select="m:recorded-by" mode="protokoll"/>
    <xsl:if test="$protokoll:formal = 'yes'">
      <xsl:call-template name="protokoll:approval"/>
      <xsl:call-template name="protokoll:signatures"/>
    </xsl:if>
    <xsl:if test="$protokoll:notice = 'yes'">
      <xsl:call-template name="protokoll:notice"/>
    </xsl:if>
  </xsl:template>

  <!-- A heading of level 2 with the string id. -->
  <xsl:template name="protokoll:h2">
    <xsl:param name="id"/>
    <xsl:call-template name="common:heading">
      <xsl:with-param name="level" select="'h2'"/>
      <xsl:with-param name="text">
        <xsl:call-template name="common:s">
          <xsl:with-param name="id" select="$id"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Present, absent, vacant: each list only when it has someone. -->
  <xsl:template match="m:participants" mode="protokoll">
    <xsl:call-template name="protokoll:h2">
      <xsl:with-param name="id" select="'present'"/>
    </xsl:call-template>
    <xsl:call-template name="common:participants">
      <xsl:with-param name="which" select="'present'"/>
    </xsl:call-template>
    <xsl:if test="m:group/m:person[@attendance = 'absent']">
      <xsl:call-template name="protokoll:h2">
        <xsl:with-param name="id" select="'absent'"/>
      </xsl:call-template>
      <xsl:call-template name="common:participants">
        <xsl:with-param name="which" select="'absent'"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="m:group/m:vacancy">
      <xsl:call-template name="protokoll:h2">
        <xsl:with-param name="id" select="'vacancy'"/>
      </xsl:call-template>
      <xsl:call-template name="common:participants">
        <xsl:with-param name="which" select="'vacancy'"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- An item with its whole content; a closed item says so instead. -->
  <xsl:template match="m:item" mode="protokoll">
    <xsl:variable name="shown">
      <xsl:call-template name="common:shown"/>
    </xsl:variable>
    <xsl:call-template name="common:item-heading">
      <xsl:with-param name="paragraph" select="$protokoll:formal"/>
      <xsl:with-param name="level" select="'h2'"/>
    </xsl:call-template>
    <xsl:call-template name="common:dnr"/>
    <xsl:call-template name="common:presenters"/>
    <xsl:choose>
      <xsl:when test="$shown = 'yes'">
        <xsl:apply-templates select="*[not(self::m:title or self::m:presenter)]"/>
      </xsl:when>
      <xsl:otherwise>
        <fo:block xsl:use-attribute-sets="page:p" md:src="{md:line()}">
          <xsl:call-template name="common:s">
            <xsl:with-param name="id" select="'closed-item'"/>
          </xsl:call-template>
        </fo:block>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$protokoll:formal = 'yes' and @immediate-approval = 'yes'">
      <fo:block xsl:use-attribute-sets="page:p" font-style="italic" md:src="{md:line()}">
        <xsl:call-template name="common:s">
          <xsl:with-param name="id" select="'immediate-approval'"/>
        </xsl:call-template>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <!-- Every action of the shown items in one table: item, what, who, when. -->
  <xsl:template name="protokoll:actions">
    <xsl:variable name="actions"
        select="m:agenda/m:item[not(@public = 'no') or $show-closed = 'yes']//m:action"/>
    <xsl:if test="$actions">
      <xsl:call-template name="protokoll:h2">
        <xsl:with-param name="id" select="'actions-heading'"/>
      </xsl:call-template>
      <fo:table xsl:use-attribute-sets="page:table" md:src="{md:line(m:agenda)}">
        <!-- Wide enough for the bold headers "Punkt" and "Klart senast" and for a date. -->
        <fo:table-column column-width="proportional-column-width(1.4)"/>
        <fo:table-column column-width="proportional-column-width(5.6)"/>
        <fo:table-column column-width="proportional-column-width(3)"/>
        <fo:table-column column-width="proportional-column-width(2.2)"/>
        <fo:table-header>
          <fo:table-row>
            <xsl:call-template name="common:header-cell">
              <xsl:with-param name="id" select="'item'"/>
            </xsl:call-template>
            <xsl:call-template name="common:header-cell">
              <xsl:with-param name="id" select="'action'"/>
            </xsl:call-template>
            <xsl:call-template name="common:header-cell">
              <xsl:with-param name="id" select="'responsible'"/>
            </xsl:call-template>
            <xsl:call-template name="common:header-cell">
              <xsl:with-param name="id" select="'due'"/>
            </xsl:call-template>
          </fo:table-row>
        </fo:table-header>
        <fo:table-body>
          <xsl:for-each select="$actions">
            <fo:table-row md:src="{md:line()}">
              <fo:table-cell xsl:use-attribute-sets="page:cell">
                <fo:block md:src="{md:line()}">
                  <xsl:for-each select="ancestor::m:item">
                    <xsl:call-template name="common:item-number">
                      <xsl:with-param name="paragraph" select="$protokoll:formal"/>
                    </xsl:call-template>
                  </xsl:for-each>
                </fo:block>
              </fo:table-cell>
              <fo:table-cell xsl:use-attribute-sets="page:cell">
                <fo:block md:src="{md:line()}">
                  <xsl:apply-templates mode="common:inline"/>
                </fo:block>
              </fo:table-cell>
              <fo:table-cell xsl:use-attribute-sets="page:cell">
                <fo:block md:src="{md:line()}">
                  <xsl:call-template name="common:who"/>
                </fo:block>
              </fo:table-cell>
              <fo:table-cell xsl:use-attribute-sets="page:cell">
                <fo:block md:src="{md:line()}">
                  <xsl:if test="@due">
                    <xsl:call-template name="l10n:date-numeric">
                      <xsl:with-param name="date" select="@due"/>
                    </xsl:call-template>
                  </xsl:if>
                </fo:block>
              </fo:table-cell>
            </fo:table-row>
          </xsl:for-each>
        </fo:table-body>
      </fo:table>
    </xsl:if>
  </xsl:template>

  <xsl:template match="m:attachments" mode="protokoll">
    <xsl:call-template name="protokoll:h2">
      <xsl:with-param name="id" select="'attachments'"/>
    </xsl:call-template>
    <fo:list-block xsl:use-attribute-sets="page:list" md:src="{md:line()}">
      <xsl:for-each select="m:attachment">
        <fo:list-item md:src="{md:line()}">
          <fo:list-item-label xsl:use-attribute-sets="page:list-label">
            <fo:block md:src="{md:line()}">&#8226;</fo:block>
          </fo:list-item-label>
          <fo:list-item-body xsl:use-attribute-sets="page:list-body">
            <fo:block md:src="{md:line()}">
              <xsl:apply-templates mode="common:inline"/>
            </fo:block>
          </fo:list-item-body>
        </fo:list-item>
      </xsl:for-each>
    </fo:list-block>
  </xsl:template>

  <!-- Who took the minutes, with an e-mail link when there is an address. -->
  <xsl:template match="m:recorded-by" mode="protokoll">
    <xsl:variable name="email" select="normalize-space(concat(@email,
        substring(key('common:person', @ref)/m:email, 1 div not(@email))))"/>
    <fo:block xsl:use-attribute-sets="page:p" space-before="{$page:line-pt}" md:src="{md:line()}">
      <fo:inline font-weight="bold">
        <xsl:call-template name="common:s">
          <xsl:with-param name="id" select="'recorded-by'"/>
        </xsl:call-template>
      </fo:inline>
      <xsl:text> </xsl:text>
      <xsl:apply-templates mode="common:inline"/>
      <xsl:if test="$email != ''">
        <xsl:text>, </xsl:text>
        <fo:basic-link external-destination="url('mailto:{$email}')"
            xsl:use-attribute-sets="page:link">
          <xsl:value-of select="$email"/>
        </fo:basic-link>
      </xsl:if>
    </fo:block>
  </xsl:template>

  <!-- Justering: who and when and where. -->
  <xsl:template name="protokoll:approval">
    <!-- Kept with the signature block that follows, so that "Justering" is not left on the
         page before the lines to sign. -->
    <xsl:for-each select="m:approval">
      <xsl:call-template name="protokoll:h2">
        <xsl:with-param name="id" select="'approval'"/>
      </xsl:call-template>
      <fo:block xsl:use-attribute-sets="page:p" keep-with-next.within-page="always"
          md:src="{md:line()}">
        <fo:inline font-weight="bold">
          <xsl:call-template name="common:s">
            <xsl:with-param name="id" select="'approvers'"/>
          </xsl:call-template>
          <xsl:text>: </xsl:text>
        </fo:inline>
        <xsl:call-template name="common:who">
          <xsl:with-param name="ids" select="m:approver/@ref"/>
        </xsl:call-template>
      </fo:block>
      <xsl:if test="@date or @time or @place">
        <fo:block xsl:use-attribute-sets="page:p" keep-with-next.within-page="always"
          md:src="{md:line()}">
          <fo:inline font-weight="bold">
            <xsl:call-template name="common:s">
              <xsl:with-param name="id" select="'approval-time-place'"/>
            </xsl:call-template>
            <xsl:text>: </xsl:text>
          </fo:inline>
          <xsl:if test="@date">
            <xsl:call-template name="l10n:date-long">
              <xsl:with-param name="date" select="@date"/>
              <xsl:with-param name="capitalise" select="'yes'"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:if test="@time">
            <xsl:if test="@date">, </xsl:if>
            <xsl:call-template name="l10n:time-range">
              <xsl:with-param name="start" select="@time"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:if test="@place">
            <xsl:if test="@date or @time">, </xsl:if>
            <xsl:value-of select="@place"/>
          </xsl:if>
        </fo:block>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- Signature lines: the secretary, the chair, each justerare. -->
  <xsl:template name="protokoll:signatures">
    <fo:block keep-together.within-page="always" space-before="{$page:line-pt}"
        md:src="{md:line(m:approval | m:recorded-by | m:agenda)}">
      <xsl:for-each select="$common:secretary">
        <xsl:call-template name="protokoll:signature">
          <xsl:with-param name="id" select="'secretary'"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="$common:chair">
        <xsl:call-template name="protokoll:signature">
          <xsl:with-param name="id" select="'chair'"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="key('common:person', m:approval/m:approver/@ref)">
        <xsl:call-template name="protokoll:signature">
          <xsl:with-param name="id" select="'role-justerare'"/>
        </xsl:call-template>
      </xsl:for-each>
    </fo:block>
  </xsl:template>

  <!-- One signature: the role, a line to sign on, the name printed below. -->
  <xsl:template name="protokoll:signature">
    <xsl:param name="id"/>
    <fo:block keep-together.within-page="always" space-before="{$page:line-pt}"
        md:src="{md:line()}">
      <fo:block font-weight="bold" md:src="{md:line()}">
        <xsl:call-template name="common:s">
          <xsl:with-param name="id" select="$id"/>
        </xsl:call-template>
      </fo:block>
      <fo:block space-before="{$page:line-and-half-pt}" md:src="{md:line()}">
        <fo:leader leader-pattern="rule" leader-length="80mm" rule-thickness="0.5pt"/>
      </fo:block>
      <fo:block md:src="{md:line()}">
        <xsl:call-template name="l10n:person">
          <xsl:with-param name="person" select="."/>
          <xsl:with-param name="org" select="''"/>
        </xsl:call-template>
      </fo:block>
    </fo:block>
  </xsl:template>

  <!--
    ANSLAG/BEVIS of the protokoll of a "namnd" (Kommunallagen 8 kap. 12 §): the organ, the
    day of the meeting, the day of justering, the days the anslag goes up and comes down and
    the last day of appeal (computed by dates:notice from the justering day;
    docs/documents.md), where the protokoll is kept, the §§ of items that were justerade
    omedelbart with their own dates (their justering is the meeting day), and a line for the
    signature. Without a justering date the dates are left to fill in. items: the items whose
    omedelbar justering is listed (a protokollsutdrag passes none).
  -->
  <xsl:template name="protokoll:notice">
    <xsl:param name="items" select="/m:meeting/m:agenda/m:item"/>
    <!-- The day of justering the dates count from (a protokollsutdrag of a paragraph that
         was justerad omedelbart passes the meeting's date, and no items). -->
    <xsl:param name="approved" select="string(/m:meeting/m:approval/@date)"/>
    <xsl:variable name="meeting" select="/m:meeting"/>
    <fo:block keep-together.within-page="always" border="0.5pt solid {$brand:color-rule}"
        padding="{$page:body-size-pt}"
        space-before="{$page:line-and-half-pt}"
        md:src="{md:line(($meeting/m:approval | $meeting/m:agenda)[1])}">
      <fo:block xsl:use-attribute-sets="page:h2" space-before="0pt" role="H2"
          md:src="{md:line($meeting)}">
        <xsl:call-template name="common:s">
          <xsl:with-param name="id" select="'notice'"/>
        </xsl:call-template>
      </fo:block>
      <fo:block xsl:use-attribute-sets="page:p" md:src="{md:line($meeting)}">
        <xsl:call-template name="common:s">
          <xsl:with-param name="id" select="'notice-text'"/>
        </xsl:call-template>
      </fo:block>
      <fo:list-block xsl:use-attribute-sets="page:list" provisional-distance-between-starts="66mm"
          md:src="{md:line($meeting)}">
        <xsl:call-template name="protokoll:notice-row">
          <xsl:with-param name="label" select="'notice-body'"/>
          <xsl:with-param name="value">
            <xsl:call-template name="l10n:join">
              <xsl:with-param name="nodes" select="$meeting/m:bodies/m:body"/>
              <xsl:with-param name="sort" select="'no'"/>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="protokoll:notice-row">
          <xsl:with-param name="label" select="'meeting-date'"/>
          <xsl:with-param name="value" select="string($meeting/@date)"/>
        </xsl:call-template>
        <xsl:call-template name="protokoll:notice-row">
          <xsl:with-param name="label" select="'notice-approved'"/>
          <xsl:with-param name="value" select="$approved"/>
        </xsl:call-template>
        <xsl:for-each select="str:tokenize('posted appeal-end removed')">
          <xsl:variable name="what" select="string(.)"/>
          <xsl:for-each select="$meeting">
            <xsl:call-template name="protokoll:notice-row">
              <xsl:with-param name="label" select="concat('notice-', $what)"/>
              <xsl:with-param name="value">
                <xsl:if test="$approved != ''">
                  <xsl:call-template name="dates:notice">
                    <xsl:with-param name="approved" select="$approved"/>
                    <xsl:with-param name="what" select="$what"/>
                  </xsl:call-template>
                </xsl:if>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:for-each>
        </xsl:for-each>
        <xsl:call-template name="protokoll:notice-row">
          <xsl:with-param name="label" select="'minutes-kept'"/>
          <xsl:with-param name="value">
            <xsl:choose>
              <xsl:when test="$meeting/m:approval/@kept-at">
                <xsl:value-of select="normalize-space($meeting/m:approval/@kept-at)"/>
              </xsl:when>
              <xsl:when test="$common:secretary/m:org">
                <xsl:value-of select="normalize-space($common:secretary/m:org)"/>
              </xsl:when>
              <xsl:otherwise>
                <xsl:value-of select="$brand:name"/>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:for-each select="$items[@immediate-approval = 'yes' and @paragraph]">
          <xsl:call-template name="protokoll:notice-row">
            <xsl:with-param name="label" select="'paragraph-sign'"/>
            <xsl:with-param name="label-text">
              <xsl:call-template name="common:item-number">
                <xsl:with-param name="paragraph" select="'yes'"/>
              </xsl:call-template>
              <xsl:text> </xsl:text>
              <xsl:call-template name="common:s">
                <xsl:with-param name="id" select="'notice-immediate'"/>
              </xsl:call-template>
            </xsl:with-param>
            <xsl:with-param name="value">
              <xsl:value-of select="concat($meeting/@date, ', ')"/>
              <xsl:call-template name="common:s">
                <xsl:with-param name="id" select="'notice-posted-short'"/>
              </xsl:call-template>
              <xsl:text> </xsl:text>
              <xsl:call-template name="dates:notice">
                <xsl:with-param name="approved" select="$meeting/@date"/>
                <xsl:with-param name="what" select="'posted'"/>
              </xsl:call-template>
              <xsl:text>, </xsl:text>
              <xsl:call-template name="common:s">
                <xsl:with-param name="id" select="'notice-removed-short'"/>
              </xsl:call-template>
              <xsl:text> </xsl:text>
              <xsl:call-template name="dates:notice">
                <xsl:with-param name="approved" select="$meeting/@date"/>
                <xsl:with-param name="what" select="'removed'"/>
              </xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:for-each>
      </fo:list-block>
      <xsl:for-each select="$meeting">
        <xsl:call-template name="protokoll:signature-line">
          <xsl:with-param name="id" select="'signature'"/>
          <xsl:with-param name="person" select="$common:secretary"/>
        </xsl:call-template>
      </xsl:for-each>
    </fo:block>
  </xsl:template>

  <!-- One row of the anslag: a label (an sv.xml id, or label-text) and its value; an empty
       value gets a rule to write on. -->
  <xsl:template name="protokoll:notice-row">
    <xsl:param name="label"/>
    <xsl:param name="label-text" select="''"/>
    <xsl:param name="value"/>
    <fo:list-item md:src="{md:line()}">
      <fo:list-item-label xsl:use-attribute-sets="page:list-label">
        <fo:block font-weight="bold" md:src="{md:line()}">
          <xsl:choose>
            <xsl:when test="string($label-text) != ''">
              <xsl:value-of select="$label-text"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="common:s">
                <xsl:with-param name="id" select="$label"/>
              </xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </fo:block>
      </fo:list-item-label>
      <fo:list-item-body xsl:use-attribute-sets="page:list-body">
        <fo:block md:src="{md:line()}">
          <xsl:choose>
            <xsl:when test="string($value) != ''">
              <xsl:copy-of select="$value"/>
            </xsl:when>
            <xsl:otherwise>
              <fo:leader leader-pattern="rule" leader-length="40mm" rule-thickness="0.5pt"/>
            </xsl:otherwise>
          </xsl:choose>
        </fo:block>
      </fo:list-item-body>
    </fo:list-item>
  </xsl:template>

  <!-- A label, a line to sign on and the name printed below; for the
       anslag and the utdragsbestyrkande. person may be empty: the name is then written by
       hand too. -->
  <xsl:template name="protokoll:signature-line">
    <xsl:param name="id"/>
    <xsl:param name="person"/>
    <fo:block keep-together.within-page="always"
        space-before="{$page:line-pt}" md:src="{md:line()}">
      <fo:block font-weight="bold" md:src="{md:line()}">
        <xsl:call-template name="common:s">
          <xsl:with-param name="id" select="$id"/>
        </xsl:call-template>
      </fo:block>
      <fo:block space-before="{$page:line-and-half-pt}" md:src="{md:line()}">
        <fo:leader leader-pattern="rule" leader-length="80mm" rule-thickness="0.5pt"/>
      </fo:block>
      <fo:block xsl:use-attribute-sets="page:small" md:src="{md:line()}">
        <xsl:call-template name="common:s">
          <xsl:with-param name="id" select="'name-clarification'"/>
        </xsl:call-template>
        <xsl:if test="$person">
          <xsl:text>: </xsl:text>
          <xsl:value-of select="normalize-space($person/m:name)"/>
        </xsl:if>
      </fo:block>
    </fo:block>
  </xsl:template>

</xsl:stylesheet>
