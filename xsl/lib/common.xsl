<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the PDF documents share: the title block (bodies, date, time, place), participants
  in groups, agenda numbering, inline content and block content of agenda items. Every
  fo:block made from meeting content carries md:src="{md:line()}", the line of the meeting
  element it comes from. Every Swedish word comes from sv.xml through l10n-sv.xsl; sizes,
  colours and spacing from the attribute sets of fo-page.xsl.

  Modes: the default mode makes blocks, mode "common:inline" inline content. In both, an
  element of the meeting namespace that no template handles stops the transform with its
  name and line: after validation that is a stylesheet bug, not something to drop quietly.
  Reference: docs/documents.md.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:fox="http://xmlgraphics.apache.org/fop/extensions"
    xmlns:md="urn:motesdok:xslt"
    xmlns:m="urn:motesdok:meeting:1"
    xmlns:l10n="urn:motesdok:l10n"
    xmlns:brand="urn:motesdok:brand:1"
    xmlns:common="urn:motesdok:common"
    xmlns:page="urn:motesdok:fo-page"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="m l10n brand common page str">

  <xsl:key name="common:person" match="m:person" use="@id"/>

  <!-- The meeting's secretary: the first person with the role token for it, and the e-mail
       address to reach him or her (the person's, else recorded-by's when it names them). -->
  <xsl:variable name="common:secretary"
      select="(/m:meeting/m:participants/m:group/m:person
               [contains(concat(' ', normalize-space(@role), ' '), ' sekreterare ')])[1]"/>
  <!-- The chair (ordförande) likewise. -->
  <xsl:variable name="common:chair"
      select="(/m:meeting/m:participants/m:group/m:person
               [contains(concat(' ', normalize-space(@role), ' '), ' ordforande ')])[1]"/>
  <xsl:variable name="common:secretary-email"
      select="normalize-space(concat($common:secretary/m:email,
                substring(/m:meeting/m:recorded-by[@ref = $common:secretary/@id]/@email,
                          1 div not($common:secretary/m:email))))"/>

  <!-- The string of sv.xml with this id (a shorter name for l10n:string). -->
  <xsl:template name="common:s">
    <xsl:param name="id"/>
    <xsl:call-template name="l10n:string">
      <xsl:with-param name="id" select="$id"/>
    </xsl:call-template>
  </xsl:template>

  <!-- == Catch-alls == -->

  <xsl:template match="m:*" priority="-1">
    <xsl:call-template name="common:unhandled"/>
  </xsl:template>

  <xsl:template match="m:*" mode="common:inline" priority="-1">
    <xsl:call-template name="common:unhandled"/>
  </xsl:template>

  <xsl:template name="common:unhandled">
    <xsl:message terminate="yes">
      <xsl:value-of select="concat('line ', md:line(), ': &lt;', local-name(),
                                   '&gt; in &lt;', local-name(..),
                                   '&gt; is not handled by this stylesheet')"/>
    </xsl:message>
  </xsl:template>

  <!-- == The title block == -->

  <!-- The bodies as one line: "Samverkansrådet och C-nätet". -->
  <xsl:template name="common:bodies">
    <xsl:call-template name="l10n:join">
      <xsl:with-param name="nodes" select="/m:meeting/m:bodies/m:body"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The heading of the document (heading: the text of the h1), the bodies below it unless
       the heading already is them, and date, time and place as a label/value list. -->
  <xsl:template name="common:title-block">
    <xsl:param name="heading"/>
    <xsl:param name="subtitle" select="''"/>
    <xsl:variable name="meeting" select="/m:meeting"/>
    <fo:block xsl:use-attribute-sets="page:h1" md:src="{md:line($meeting)}">
      <xsl:copy-of select="$heading"/>
    </fo:block>
    <xsl:if test="string($subtitle) != ''">
      <fo:block xsl:use-attribute-sets="page:h2" space-before="0pt"
          md:src="{md:line($meeting/m:bodies)}">
        <xsl:copy-of select="$subtitle"/>
      </fo:block>
    </xsl:if>
    <fo:list-block xsl:use-attribute-sets="page:facts" md:src="{md:line($meeting)}">
      <xsl:call-template name="common:fact">
        <xsl:with-param name="label" select="'date'"/>
        <xsl:with-param name="value">
          <xsl:call-template name="l10n:date-long">
            <xsl:with-param name="date" select="$meeting/@date"/>
            <xsl:with-param name="capitalise" select="'yes'"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="common:fact">
        <xsl:with-param name="label" select="'time'"/>
        <xsl:with-param name="value">
          <xsl:call-template name="l10n:time-range">
            <xsl:with-param name="start" select="$meeting/@start"/>
            <xsl:with-param name="end" select="$meeting/@end"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:for-each select="$meeting/m:place">
        <xsl:call-template name="common:fact">
          <xsl:with-param name="label" select="'place'"/>
          <xsl:with-param name="value">
            <xsl:call-template name="common:place"/>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
    </fo:list-block>
  </xsl:template>

  <!-- A place as one line: "Föreningarnas Hus, Slottsgatan 13A, Sal 3". -->
  <xsl:template name="common:place">
    <xsl:value-of select="normalize-space(m:name)"/>
    <xsl:for-each select="m:address | m:room">
      <xsl:value-of select="concat(', ', normalize-space(.))"/>
    </xsl:for-each>
  </xsl:template>

  <!-- One label/value row of a facts list; label is an sv.xml id. -->
  <xsl:template name="common:fact">
    <xsl:param name="label"/>
    <xsl:param name="value"/>
    <fo:list-item>
      <fo:list-item-label xsl:use-attribute-sets="page:list-label">
        <fo:block font-weight="bold" md:src="{md:line()}">
          <xsl:call-template name="common:s">
            <xsl:with-param name="id" select="$label"/>
          </xsl:call-template>
        </fo:block>
      </fo:list-item-label>
      <fo:list-item-body xsl:use-attribute-sets="page:list-body">
        <fo:block md:src="{md:line()}">
          <xsl:copy-of select="$value"/>
        </fo:block>
      </fo:list-item-body>
    </fo:list-item>
  </xsl:template>

  <!-- == Participants == -->

  <!-- The groups of participants, each with its heading (the group's name, else its body's)
       and one block per person or vacancy. which: "all", "present", "absent" or "vacancy";
       vacancies come with "all" and "vacancy". Groups with nobody left out. -->
  <xsl:template name="common:participants">
    <xsl:param name="which" select="'all'"/>
    <xsl:param name="level" select="'h3'"/>
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
          <xsl:call-template name="common:heading">
            <xsl:with-param name="level" select="$level"/>
            <xsl:with-param name="text" select="$name"/>
          </xsl:call-template>
        </xsl:if>
        <fo:block xsl:use-attribute-sets="page:p" md:src="{md:line()}">
          <xsl:apply-templates select="$people" mode="common:participant">
            <xsl:with-param name="which" select="$which"/>
          </xsl:apply-templates>
        </fo:block>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- A heading block of level "h1", "h2" or "h3" with the text of the context node's line. -->
  <xsl:template name="common:heading">
    <xsl:param name="level"/>
    <xsl:param name="text"/>
    <xsl:choose>
      <xsl:when test="$level = 'h2'">
        <fo:block xsl:use-attribute-sets="page:h2" md:src="{md:line()}">
          <xsl:copy-of select="$text"/>
        </fo:block>
      </xsl:when>
      <xsl:otherwise>
        <fo:block xsl:use-attribute-sets="page:h3" md:src="{md:line()}">
          <xsl:copy-of select="$text"/>
        </fo:block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One person: "Maria Haglund (M)", ", Örebro Föreningsråd", ", vice ordförande",
       ", tjänstgörande ersättare, ersätter Gunnar Ek (SD)". -->
  <xsl:template match="m:person" mode="common:participant">
    <fo:block md:src="{md:line()}">
      <fo:inline hyphenate="false" keep-together.within-line="always">
        <xsl:value-of select="normalize-space(m:name)"/>
        <xsl:if test="@party">
          <xsl:value-of select="concat(' (', @party, ')')"/>
        </xsl:if>
      </fo:inline>
      <xsl:if test="m:org">
        <xsl:value-of select="concat(', ', normalize-space(m:org))"/>
      </xsl:if>
      <xsl:call-template name="common:roles"/>
      <xsl:if test="@replaces">
        <xsl:text>, </xsl:text>
        <xsl:call-template name="common:s">
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
    </fo:block>
  </xsl:template>

  <!-- The roles of the context person in running text, each after ", ": "vice ordförande";
       a serving ersättare is a "tjänstgörande ersättare". "ledamot" is left out in a group
       of members, where it says nothing. -->
  <xsl:template name="common:roles">
    <xsl:variable name="person" select="."/>
    <xsl:call-template name="common:role-list">
      <xsl:with-param name="rest" select="concat(normalize-space(@role), ' ')"/>
      <xsl:with-param name="serving" select="@serving = 'yes'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="common:role-list">
    <xsl:param name="rest"/>
    <xsl:param name="serving"/>
    <xsl:variable name="token" select="substring-before($rest, ' ')"/>
    <xsl:if test="$token != ''">
      <xsl:if test="$token != 'ledamot'">
        <xsl:text>, </xsl:text>
        <xsl:choose>
          <xsl:when test="$token = 'ersattare' and $serving">
            <xsl:variable name="label">
              <xsl:call-template name="common:s">
                <xsl:with-param name="id" select="'serving-substitute'"/>
              </xsl:call-template>
            </xsl:variable>
            <xsl:value-of select="translate($label, $l10n:upper, $l10n:lower)"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="l10n:role">
              <xsl:with-param name="token" select="$token"/>
              <xsl:with-param name="lower" select="'yes'"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:if>
      <xsl:call-template name="common:role-list">
        <xsl:with-param name="rest" select="substring-after($rest, ' ')"/>
        <xsl:with-param name="serving" select="$serving"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- An empty seat: "Vakans, Förskole- och grundskoleförvaltningen"; under a heading
       "Vakans" (which="vacancy") the organisation alone. -->
  <xsl:template match="m:vacancy" mode="common:participant">
    <xsl:param name="which" select="'all'"/>
    <fo:block md:src="{md:line()}">
      <xsl:choose>
        <xsl:when test="$which = 'vacancy' and normalize-space(m:org) != ''">
          <xsl:value-of select="normalize-space(m:org)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="common:s">
            <xsl:with-param name="id" select="'vacancy'"/>
          </xsl:call-template>
          <xsl:if test="normalize-space(m:org) != ''">
            <xsl:value-of select="concat(', ', normalize-space(m:org))"/>
          </xsl:if>
        </xsl:otherwise>
      </xsl:choose>
    </fo:block>
  </xsl:template>

  <!-- == Agenda == -->

  <!-- The number of the context item as the document writes it: its n, else its position;
       with paragraph="yes" and a § number, "§ 12". -->
  <xsl:template name="common:item-number">
    <xsl:param name="paragraph" select="'no'"/>
    <xsl:choose>
      <xsl:when test="$paragraph = 'yes' and @paragraph">
        <xsl:call-template name="common:s">
          <xsl:with-param name="id" select="'paragraph-sign'"/>
        </xsl:call-template>
        <xsl:value-of select="concat('&#160;', @paragraph)"/>
      </xsl:when>
      <xsl:when test="@n">
        <xsl:value-of select="concat(@n, '.')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat(count(preceding-sibling::m:item) + 1, '.')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The heading of the context item: "2. Portföljen för social hållbarhet". -->
  <xsl:template name="common:item-heading">
    <xsl:param name="paragraph" select="'no'"/>
    <xsl:param name="level" select="'h3'"/>
    <xsl:call-template name="common:heading">
      <xsl:with-param name="level" select="$level"/>
      <xsl:with-param name="text">
        <xsl:call-template name="common:item-number">
          <xsl:with-param name="paragraph" select="$paragraph"/>
        </xsl:call-template>
        <xsl:text> </xsl:text>
        <xsl:apply-templates select="m:title/node()" mode="common:inline"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- "Föredragande: Yvonne Haneskog, Kommunledningsförvaltningen och Annelie Lahall,
       Kommunledningsförvaltningen", when the item has presenters. -->
  <xsl:template name="common:presenters">
    <xsl:if test="m:presenter">
      <fo:block xsl:use-attribute-sets="page:p" md:src="{md:line(m:presenter)}">
        <fo:inline font-weight="bold">
          <xsl:call-template name="common:s">
            <xsl:with-param name="id" select="'presenter'"/>
          </xsl:call-template>
          <xsl:text>: </xsl:text>
        </fo:inline>
        <xsl:for-each select="m:presenter">
          <xsl:choose>
            <xsl:when test="position() = 1"/>
            <xsl:when test="position() = last()">
              <xsl:text> </xsl:text>
              <xsl:call-template name="common:s">
                <xsl:with-param name="id" select="'and'"/>
              </xsl:call-template>
              <xsl:text> </xsl:text>
            </xsl:when>
            <xsl:otherwise>, </xsl:otherwise>
          </xsl:choose>
          <fo:inline hyphenate="false" keep-together.within-line="always">
            <xsl:value-of select="normalize-space(.)"/>
          </fo:inline>
          <xsl:if test="@org">
            <xsl:value-of select="concat(', ', normalize-space(@org))"/>
          </xsl:if>
        </xsl:for-each>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <!-- "Dnr KS 2024/123", when the item has one. -->
  <xsl:template name="common:dnr">
    <xsl:if test="@dnr">
      <fo:block xsl:use-attribute-sets="page:small" md:src="{md:line()}">
        <xsl:call-template name="common:s">
          <xsl:with-param name="id" select="'dnr'"/>
        </xsl:call-template>
        <xsl:value-of select="concat(' ', @dnr)"/>
      </fo:block>
    </xsl:if>
  </xsl:template>

  <!-- Whether the context item's content may be shown (public, or show-closed="yes"). -->
  <xsl:template name="common:shown">
    <xsl:if test="not(@public = 'no') or $show-closed = 'yes'">yes</xsl:if>
  </xsl:template>

  <!-- == Inline content == -->

  <xsl:template match="text()" mode="common:inline">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template match="m:em" mode="common:inline">
    <fo:inline font-style="italic">
      <xsl:apply-templates mode="common:inline"/>
    </fo:inline>
  </xsl:template>

  <xsl:template match="m:strong" mode="common:inline">
    <fo:inline font-weight="bold">
      <xsl:apply-templates mode="common:inline"/>
    </fo:inline>
  </xsl:template>

  <xsl:template match="m:link" mode="common:inline">
    <fo:basic-link external-destination="url('{@href}')" xsl:use-attribute-sets="page:link">
      <xsl:apply-templates mode="common:inline"/>
    </fo:basic-link>
  </xsl:template>

  <!-- A name is never hyphenated or broken. -->
  <xsl:template match="m:personname" mode="common:inline">
    <fo:inline hyphenate="false" keep-together.within-line="always">
      <xsl:apply-templates mode="common:inline"/>
    </fo:inline>
  </xsl:template>

  <!-- Sums, dates, times and abbreviations stay as the secretary wrote them. -->
  <xsl:template match="m:amount | m:date | m:time | m:abbr" mode="common:inline">
    <xsl:apply-templates mode="common:inline"/>
  </xsl:template>

  <!-- == Block content == -->

  <xsl:template match="m:p">
    <fo:block xsl:use-attribute-sets="page:p" md:src="{md:line()}">
      <xsl:apply-templates mode="common:inline"/>
    </fo:block>
  </xsl:template>

  <!-- A sub-heading within an item: one level below the item's heading. -->
  <xsl:template match="m:heading">
    <fo:block xsl:use-attribute-sets="page:h3" md:src="{md:line()}">
      <xsl:apply-templates mode="common:inline"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="m:list">
    <fo:list-block xsl:use-attribute-sets="page:list" md:src="{md:line()}">
      <xsl:apply-templates select="m:li"/>
    </fo:list-block>
  </xsl:template>

  <xsl:template match="m:li">
    <fo:list-item md:src="{md:line()}">
      <fo:list-item-label xsl:use-attribute-sets="page:list-label">
        <fo:block md:src="{md:line()}">
          <xsl:choose>
            <xsl:when test="../@type = 'numbered'">
              <xsl:value-of select="concat(count(preceding-sibling::m:li) + 1, '.')"/>
            </xsl:when>
            <xsl:otherwise>&#8226;</xsl:otherwise>
          </xsl:choose>
        </fo:block>
      </fo:list-item-label>
      <fo:list-item-body xsl:use-attribute-sets="page:list-body">
        <xsl:call-template name="common:inline-or-blocks"/>
      </fo:list-item-body>
    </fo:list-item>
  </xsl:template>

  <!-- The content of an li or a cell: blocks as blocks, running text in one block. -->
  <xsl:template name="common:inline-or-blocks">
    <xsl:choose>
      <xsl:when test="m:p | m:heading | m:list | m:figure | m:table">
        <xsl:apply-templates select="*"/>
      </xsl:when>
      <xsl:otherwise>
        <fo:block md:src="{md:line()}">
          <xsl:apply-templates mode="common:inline"/>
        </fo:block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A figure: the image (at its width, else scaled down to the column) and its caption. -->
  <xsl:template match="m:figure">
    <fo:block space-after="{$page:line-pt}" keep-together.within-page="always"
        md:src="{md:line()}">
      <fo:block md:src="{md:line(m:image)}">
        <fo:external-graphic src="url('{m:image/@src}')" fox:alt-text="{m:image/@alt}">
          <xsl:choose>
            <xsl:when test="m:image/@width">
              <xsl:attribute name="content-width">
                <xsl:value-of select="m:image/@width"/>
              </xsl:attribute>
            </xsl:when>
            <xsl:otherwise>
              <xsl:attribute name="content-width">scale-down-to-fit</xsl:attribute>
              <xsl:attribute name="width">100%</xsl:attribute>
            </xsl:otherwise>
          </xsl:choose>
        </fo:external-graphic>
      </fo:block>
      <xsl:apply-templates select="m:caption"/>
    </fo:block>
  </xsl:template>

  <xsl:template match="m:caption">
    <fo:block xsl:use-attribute-sets="page:small" font-style="italic" md:src="{md:line()}">
      <xsl:apply-templates mode="common:inline"/>
    </fo:block>
  </xsl:template>

  <!-- A table: the caption above (fo:table-and-caption is outside the subset), one column per
       cell of the widest row, header rows repeated on every page. -->
  <xsl:template match="m:table">
    <xsl:apply-templates select="m:caption"/>
    <xsl:variable name="columns">
      <xsl:for-each select="m:thead/m:row | m:tbody/m:row">
        <xsl:sort select="count(m:cell[not(@colspan)]) + sum(m:cell/@colspan)"
            data-type="number" order="descending"/>
        <xsl:if test="position() = 1">
          <xsl:value-of select="count(m:cell[not(@colspan)]) + sum(m:cell/@colspan)"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <fo:table xsl:use-attribute-sets="page:table" md:src="{md:line()}">
      <xsl:call-template name="common:columns">
        <xsl:with-param name="n" select="number($columns)"/>
      </xsl:call-template>
      <xsl:if test="m:thead">
        <fo:table-header md:src="{md:line(m:thead)}">
          <xsl:apply-templates select="m:thead/m:row"/>
        </fo:table-header>
      </xsl:if>
      <fo:table-body md:src="{md:line(m:tbody)}">
        <xsl:apply-templates select="m:tbody/m:row"/>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <!-- n equal table columns. -->
  <xsl:template name="common:columns">
    <xsl:param name="n"/>
    <xsl:if test="$n &gt; 0">
      <fo:table-column column-width="proportional-column-width(1)"/>
      <xsl:call-template name="common:columns">
        <xsl:with-param name="n" select="$n - 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="m:row">
    <fo:table-row md:src="{md:line()}">
      <xsl:apply-templates select="m:cell"/>
    </fo:table-row>
  </xsl:template>

  <xsl:template match="m:thead/m:row/m:cell">
    <fo:table-cell xsl:use-attribute-sets="page:header-cell" role="TH" md:src="{md:line()}">
      <xsl:call-template name="common:span"/>
      <xsl:call-template name="common:inline-or-blocks"/>
    </fo:table-cell>
  </xsl:template>

  <xsl:template match="m:tbody/m:row/m:cell">
    <fo:table-cell xsl:use-attribute-sets="page:cell" md:src="{md:line()}">
      <xsl:call-template name="common:span"/>
      <xsl:call-template name="common:inline-or-blocks"/>
    </fo:table-cell>
  </xsl:template>

  <xsl:template name="common:span">
    <xsl:if test="@colspan">
      <xsl:attribute name="number-columns-spanned"><xsl:value-of select="@colspan"/></xsl:attribute>
    </xsl:if>
    <xsl:if test="@rowspan">
      <xsl:attribute name="number-rows-spanned"><xsl:value-of select="@rowspan"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- A labelled group of blocks: the label (text) in bold, then the blocks. -->
  <xsl:template name="common:labelled">
    <xsl:param name="label"/>
    <fo:block xsl:use-attribute-sets="page:group" md:src="{md:line()}">
      <fo:block xsl:use-attribute-sets="page:label" md:src="{md:line()}">
        <xsl:copy-of select="$label"/>
      </fo:block>
      <xsl:apply-templates select="*"/>
    </fo:block>
  </xsl:template>

  <!-- "Samtalsgrupp: Grupp 1" is what a discussion group's label would say; the name is
       enough ("Grupp 1"). -->
  <xsl:template match="m:discussion-group">
    <xsl:call-template name="common:labelled">
      <xsl:with-param name="label" select="string(@name)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A decision, set apart: rule at the start, tinted background, "Beslut". -->
  <xsl:template match="m:decision">
    <fo:block xsl:use-attribute-sets="page:decision" md:src="{md:line()}">
      <fo:block xsl:use-attribute-sets="page:label" md:src="{md:line()}">
        <xsl:call-template name="common:s">
          <xsl:with-param name="id" select="'decision'"/>
        </xsl:call-template>
      </fo:block>
      <xsl:apply-templates select="*"/>
    </fo:block>
  </xsl:template>

  <!-- An action: "Uppdrag: text (Ansvarig: Maria Haglund (M). Klart senast: 15 oktober 2024.)" -->
  <xsl:template match="m:action">
    <fo:block xsl:use-attribute-sets="page:p" md:src="{md:line()}">
      <fo:inline font-weight="bold">
        <xsl:call-template name="common:s">
          <xsl:with-param name="id" select="'action'"/>
        </xsl:call-template>
        <xsl:text>: </xsl:text>
      </fo:inline>
      <xsl:apply-templates mode="common:inline"/>
      <xsl:if test="@who or @due">
        <fo:inline color="{$brand:color-muted}">
          <xsl:text> (</xsl:text>
          <xsl:call-template name="common:action-who-due"/>
          <xsl:text>)</xsl:text>
        </fo:inline>
      </xsl:if>
    </fo:block>
  </xsl:template>

  <!-- "Ansvarig: Anders Wik. Klart senast: 15 oktober 2024" for the context action. -->
  <xsl:template name="common:action-who-due">
    <xsl:if test="@who">
      <xsl:call-template name="common:s">
        <xsl:with-param name="id" select="'responsible'"/>
      </xsl:call-template>
      <xsl:text>: </xsl:text>
      <xsl:call-template name="common:who"/>
    </xsl:if>
    <xsl:if test="@who and @due">. </xsl:if>
    <xsl:if test="@due">
      <xsl:call-template name="common:s">
        <xsl:with-param name="id" select="'due'"/>
      </xsl:call-template>
      <xsl:text>: </xsl:text>
      <xsl:call-template name="l10n:date-short">
        <xsl:with-param name="date" select="@due"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The persons of the context's who (or by) attribute: "Anders Wik och Maja Lind". -->
  <xsl:template name="common:who">
    <xsl:param name="ids" select="@who"/>
    <xsl:call-template name="l10n:join">
      <xsl:with-param name="nodes" select="key('common:person', str:tokenize($ids))/m:name"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A working group: its name, its members, its task. -->
  <xsl:template match="m:working-group">
    <fo:block xsl:use-attribute-sets="page:group" md:src="{md:line()}">
      <fo:block xsl:use-attribute-sets="page:label" md:src="{md:line()}">
        <xsl:call-template name="common:s">
          <xsl:with-param name="id" select="'working-group'"/>
        </xsl:call-template>
        <xsl:value-of select="concat(': ', @name)"/>
      </fo:block>
      <xsl:if test="m:member">
        <fo:block md:src="{md:line(m:member)}">
          <xsl:call-template name="common:s">
            <xsl:with-param name="id" select="'participants'"/>
          </xsl:call-template>
          <xsl:text>: </xsl:text>
          <xsl:apply-templates select="m:member"/>
        </fo:block>
      </xsl:if>
      <xsl:apply-templates select="m:task"/>
    </fo:block>
  </xsl:template>

  <!-- Members joined as a Swedish list: "A, B och C". -->
  <xsl:template match="m:member">
    <xsl:choose>
      <xsl:when test="position() = 1"/>
      <xsl:when test="position() = last()">
        <xsl:text> </xsl:text>
        <xsl:call-template name="common:s">
          <xsl:with-param name="id" select="'and'"/>
        </xsl:call-template>
        <xsl:text> </xsl:text>
      </xsl:when>
      <xsl:otherwise>, </xsl:otherwise>
    </xsl:choose>
    <fo:inline hyphenate="false" keep-together.within-line="always">
      <xsl:apply-templates mode="common:inline"/>
    </fo:inline>
  </xsl:template>

  <xsl:template match="m:task">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <!-- A kalendarium: date, time, place and what, one row per entry; an entry known only by
       month or term, or marked preliminary, says so. -->
  <xsl:template match="m:calendar">
    <fo:table xsl:use-attribute-sets="page:table" md:src="{md:line()}">
      <!-- The few dates a meeting announces (up to 10) are read as one table, so it is not
           split over two pages; a longer one may break, its header repeated. -->
      <xsl:if test="count(m:entry) &lt;= 10">
        <xsl:attribute name="keep-together.within-page">always</xsl:attribute>
      </xsl:if>
      <!-- Date and time on one line each ("april 2024 (preliminärt)" may take two), a place
           such as "Föreningarnas Hus" on one line; a calendar without any place has no Plats
           column, and the activity takes its width. -->
      <fo:table-column column-width="proportional-column-width(2.6)"/>
      <fo:table-column column-width="proportional-column-width(2.6)"/>
      <xsl:choose>
        <xsl:when test="m:entry/m:place">
          <fo:table-column column-width="proportional-column-width(3.4)"/>
          <fo:table-column column-width="proportional-column-width(4.4)"/>
        </xsl:when>
        <xsl:otherwise>
          <fo:table-column column-width="proportional-column-width(7.8)"/>
        </xsl:otherwise>
      </xsl:choose>
      <fo:table-header md:src="{md:line()}">
        <fo:table-row>
          <xsl:call-template name="common:header-cell">
            <xsl:with-param name="id" select="'date'"/>
          </xsl:call-template>
          <xsl:call-template name="common:header-cell">
            <xsl:with-param name="id" select="'time'"/>
          </xsl:call-template>
          <xsl:if test="m:entry/m:place">
            <xsl:call-template name="common:header-cell">
              <xsl:with-param name="id" select="'place'"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:call-template name="common:header-cell">
            <xsl:with-param name="id" select="'event'"/>
          </xsl:call-template>
        </fo:table-row>
      </fo:table-header>
      <fo:table-body>
        <xsl:apply-templates select="m:entry"/>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <!-- A header cell with the string id. -->
  <xsl:template name="common:header-cell">
    <xsl:param name="id"/>
    <fo:table-cell xsl:use-attribute-sets="page:header-cell" role="TH">
      <fo:block md:src="{md:line()}">
        <xsl:call-template name="common:s">
          <xsl:with-param name="id" select="$id"/>
        </xsl:call-template>
      </fo:block>
    </fo:table-cell>
  </xsl:template>

  <xsl:template match="m:entry">
    <fo:table-row md:src="{md:line()}">
      <fo:table-cell xsl:use-attribute-sets="page:cell">
        <fo:block hyphenate="false" md:src="{md:line()}">
          <xsl:choose>
            <xsl:when test="@date">
              <xsl:call-template name="l10n:date-short">
                <xsl:with-param name="date" select="@date"/>
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
          <xsl:if test="@status = 'preliminary' or @status = 'cancelled'">
            <xsl:text> (</xsl:text>
            <xsl:variable name="status">
              <xsl:call-template name="common:s">
                <xsl:with-param name="id" select="@status"/>
              </xsl:call-template>
            </xsl:variable>
            <xsl:value-of select="translate($status, $l10n:upper, $l10n:lower)"/>
            <xsl:text>)</xsl:text>
          </xsl:if>
        </fo:block>
      </fo:table-cell>
      <fo:table-cell xsl:use-attribute-sets="page:cell">
        <fo:block hyphenate="false" md:src="{md:line()}">
          <xsl:for-each select="m:time">
            <xsl:if test="position() &gt; 1">, </xsl:if>
            <xsl:call-template name="l10n:time-range">
              <xsl:with-param name="start" select="@start"/>
              <xsl:with-param name="end" select="@end"/>
            </xsl:call-template>
          </xsl:for-each>
        </fo:block>
      </fo:table-cell>
      <xsl:if test="../m:entry/m:place">
        <fo:table-cell xsl:use-attribute-sets="page:cell">
          <fo:block md:src="{md:line()}">
            <xsl:for-each select="m:place">
              <xsl:call-template name="common:place"/>
            </xsl:for-each>
          </fo:block>
        </fo:table-cell>
      </xsl:if>
      <fo:table-cell xsl:use-attribute-sets="page:cell">
        <fo:block md:src="{md:line(m:title)}">
          <xsl:apply-templates select="m:title/node()" mode="common:inline"/>
        </fo:block>
        <xsl:for-each select="m:note">
          <fo:block xsl:use-attribute-sets="page:small" md:src="{md:line()}">
            <xsl:apply-templates mode="common:inline"/>
          </fo:block>
        </xsl:for-each>
      </fo:table-cell>
    </fo:table-row>
  </xsl:template>

  <!-- A watch list: one bullet per entry, its title in bold and its notes. Every entry has
       the same space after it, whether it has notes (whose paragraphs bring their own space)
       or only a title. -->
  <xsl:template match="m:watchlist">
    <fo:list-block xsl:use-attribute-sets="page:list" md:src="{md:line()}">
      <xsl:for-each select="m:watch">
        <fo:list-item md:src="{md:line()}">
          <xsl:if test="not(*[not(self::m:title)]) and position() != last()">
            <xsl:attribute name="space-after">
              <xsl:value-of select="$page:half-line-pt"/>
            </xsl:attribute>
          </xsl:if>
          <fo:list-item-label xsl:use-attribute-sets="page:list-label">
            <fo:block md:src="{md:line()}">&#8226;</fo:block>
          </fo:list-item-label>
          <fo:list-item-body xsl:use-attribute-sets="page:list-body">
            <fo:block font-weight="bold" md:src="{md:line(m:title)}">
              <xsl:apply-templates select="m:title/node()" mode="common:inline"/>
            </fo:block>
            <xsl:apply-templates select="*[not(self::m:title)]"/>
          </fo:list-item-body>
        </fo:list-item>
      </xsl:for-each>
    </fo:list-block>
  </xsl:template>

  <!-- Formal protokoll: yrkande, reservation and protokollsanteckning name who; the
       propositionsordning and the votering are labelled groups too. -->
  <xsl:template match="m:proposal | m:dissent | m:recorded-note">
    <xsl:call-template name="common:labelled">
      <xsl:with-param name="label">
        <xsl:call-template name="common:s">
          <xsl:with-param name="id" select="local-name()"/>
        </xsl:call-template>
        <xsl:text>: </xsl:text>
        <xsl:call-template name="common:who">
          <xsl:with-param name="ids" select="@by"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="m:proposition-order">
    <xsl:call-template name="common:labelled">
      <xsl:with-param name="label">
        <xsl:call-template name="common:s">
          <xsl:with-param name="id" select="'proposition-order'"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A votering: "Votering: Ja 4, Nej 2, Avstår 1", each voter's choice, then the text. -->
  <xsl:template match="m:vote">
    <xsl:call-template name="common:labelled">
      <xsl:with-param name="label">
        <xsl:call-template name="common:s">
          <xsl:with-param name="id" select="'vote'"/>
        </xsl:call-template>
        <xsl:text>: </xsl:text>
        <xsl:call-template name="common:s">
          <xsl:with-param name="id" select="'vote-yes'"/>
        </xsl:call-template>
        <xsl:value-of select="concat(' ', @yes, ', ')"/>
        <xsl:call-template name="common:s">
          <xsl:with-param name="id" select="'vote-no'"/>
        </xsl:call-template>
        <xsl:value-of select="concat(' ', @no, ', ')"/>
        <xsl:call-template name="common:s">
          <xsl:with-param name="id" select="'vote-abstain'"/>
        </xsl:call-template>
        <xsl:value-of select="concat(' ', @abstain)"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="m:voter">
    <fo:block md:src="{md:line()}">
      <xsl:for-each select="key('common:person', @ref)">
        <fo:inline hyphenate="false" keep-together.within-line="always">
          <xsl:call-template name="l10n:person">
            <xsl:with-param name="person" select="."/>
            <xsl:with-param name="org" select="''"/>
          </xsl:call-template>
        </fo:inline>
      </xsl:for-each>
      <xsl:text>: </xsl:text>
      <xsl:call-template name="common:s">
        <xsl:with-param name="id" select="concat('vote-', @choice)"/>
      </xsl:call-template>
    </fo:block>
  </xsl:template>

</xsl:stylesheet>
