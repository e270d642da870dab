<?xml version="1.0" encoding="UTF-8"?>
<!--
  The brand: reads the brand file named by $brand (xsl/lib/params.xsl) once into global
  variables $brand:name, $brand:color-primary, $brand:logo-src, $brand:body-family,
  $brand:body-size … with defaults for what a brand file may leave out, and stops the
  transform with a message naming the file and the element when a required value is
  missing. Nothing here knows a brand: a second brand works by swapping the file alone.
  Vocabulary: xml/schema/brand.rnc; reference: docs/brand.md; tests: tests/brand/.

  A driver imports params.xsl (which declares $brand, $body-size and $heading-scale) and
  this file. Every variable is a string or a number, never a result tree fragment, so
  <xsl:if test="$brand:unit"> is false when the brand has no unit. Lengths are numbers in
  mm, sizes in pt, colours "#rrggbb" in lower case.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:brand="urn:motesdok:brand:1"
    xmlns:svg="http://www.w3.org/2000/svg"
    exclude-result-prefixes="brand svg">

  <!-- == Which file == -->

  <!-- $brand is a name ("orebro" reads xml/brand/orebro.xml) or a path from the project
       root ("xml/brand/orebro.xml"); either way the file must lie directly in xml/brand/,
       with its logo beside it. -->
  <xsl:variable name="brand:file">
    <xsl:choose>
      <xsl:when test="contains($brand, '/') or substring($brand, string-length($brand) - 3) = '.xml'">
        <xsl:value-of select="$brand"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat('xml/brand/', $brand, '.xml')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- The <brand> element. document() resolves against this file (xsl/lib/), hence ../../;
       md_xslt lets it read only under xml/ and xsl/. -->
  <xsl:variable name="brand:file-ok"
      select="starts-with($brand:file, 'xml/brand/')
              and not(contains(substring-after($brand:file, 'xml/brand/'), '/'))
              and substring($brand:file, string-length($brand:file) - 3) = '.xml'"/>
  <!-- A $brand that is no file in xml/brand/ is not read at all: this file is read instead
       (it has no <brand>), and brand:check says what is wrong with the param. -->
  <xsl:variable name="brand:doc"
      select="document(concat('../../', substring($brand:file, 1 div $brand:file-ok),
                              substring('xsl/lib/brand.xsl', 1 div not($brand:file-ok))))
              /brand:brand"/>

  <!-- The checks (brand:check, below). libxslt evaluates every global variable before the
       first template runs, so a wrong brand stops the transform before anything is made. -->
  <xsl:variable name="brand:checked">
    <xsl:call-template name="brand:check"/>
  </xsl:variable>

  <!-- == Defaults (for values a brand file may leave out) == -->

  <xsl:variable name="brand:default-background" select="'#ffffff'"/>
  <xsl:variable name="brand:default-heading-scale" select="1.2"/>
  <xsl:variable name="brand:default-line-height" select="1.35"/>
  <xsl:variable name="brand:default-margin" select="20"/>

  <!-- == The values ==
       concat(X, substring(D, 1 div not(X))) is "X, or D when there is no X": 1 div true()
       is 1 (the whole of D), 1 div false() is Infinity (nothing of D). -->

  <xsl:variable name="brand:org" select="$brand:doc/brand:organisation"/>
  <xsl:variable name="brand:contact" select="$brand:doc/brand:contact"/>

  <!-- The organisation's full name, e.g. "Örebro kommun". -->
  <xsl:variable name="brand:name" select="string($brand:org/brand:name)"/>
  <!-- A short form for narrow places; the full name when the brand gives none. -->
  <xsl:variable name="brand:short-name"
      select="concat($brand:org/brand:short-name,
                     substring($brand:name, 1 div not($brand:org/brand:short-name)))"/>
  <!-- The unit or area, e.g. "Civilsamhälle"; "" when none. -->
  <xsl:variable name="brand:unit" select="string($brand:org/brand:unit)"/>

  <!-- The address lines as nodes (for one block per line), and as one line joined with ", ";
       "" when the brand gives none. -->
  <xsl:variable name="brand:postal-lines" select="$brand:contact/brand:postal-address/brand:line"/>
  <xsl:variable name="brand:visiting-lines"
      select="$brand:contact/brand:visiting-address/brand:line"/>
  <xsl:variable name="brand:postal-joined">
    <xsl:for-each select="$brand:postal-lines">
      <xsl:if test="position() &gt; 1">, </xsl:if>
      <xsl:value-of select="normalize-space(.)"/>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="brand:visiting-joined">
    <xsl:for-each select="$brand:visiting-lines">
      <xsl:if test="position() &gt; 1">, </xsl:if>
      <xsl:value-of select="normalize-space(.)"/>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="brand:postal-address" select="string($brand:postal-joined)"/>
  <xsl:variable name="brand:visiting-address" select="string($brand:visiting-joined)"/>
  <xsl:variable name="brand:phone" select="normalize-space($brand:contact/brand:phone)"/>
  <xsl:variable name="brand:email" select="normalize-space($brand:contact/brand:email)"/>
  <!-- The web address as printed ("www.orebro.se") and as a link ("https://www.orebro.se"). -->
  <xsl:variable name="brand:web" select="normalize-space($brand:contact/brand:web)"/>
  <xsl:variable name="brand:web-url" select="concat('https://', $brand:web)"/>

  <!-- The logo: its path from the project root ("xml/brand/orebro-logo.svg"), alternative
       text, and size on paper in mm (the height from the SVG's viewBox, as text with at
       most two decimals, "9.88"). -->
  <xsl:variable name="brand:logo" select="$brand:doc/brand:logo"/>
  <xsl:variable name="brand:logo-src" select="concat('xml/brand/', $brand:logo/@src)"/>
  <xsl:variable name="brand:logo-alt" select="normalize-space($brand:logo/@alt)"/>
  <xsl:variable name="brand:logo-width" select="number($brand:logo/@width-mm)"/>
  <!-- document() on the attribute resolves it against the brand file; no src, no read. -->
  <xsl:variable name="brand:logo-svg" select="document($brand:logo/@src)/svg:svg"/>
  <!-- "min-x min-y width height" → "width height". -->
  <xsl:variable name="brand:logo-wh" select="substring-after(substring-after(
      normalize-space(translate($brand:logo-svg/@viewBox, ',', ' ')), ' '), ' ')"/>
  <xsl:variable name="brand:logo-height"
      select="format-number($brand:logo-width * substring-after($brand:logo-wh, ' ')
                            div substring-before($brand:logo-wh, ' '), '0.##')"/>

  <!-- Colours by role, "#rrggbb" in lower case. -->
  <xsl:variable name="brand:colors" select="$brand:doc/brand:colors/brand:color"/>
  <xsl:variable name="brand:hex-upper" select="'ABCDEF'"/>
  <xsl:variable name="brand:hex-lower" select="'abcdef'"/>
  <xsl:variable name="brand:color-primary"
      select="translate($brand:colors[@role = 'primary'], $brand:hex-upper, $brand:hex-lower)"/>
  <xsl:variable name="brand:color-secondary"
      select="translate($brand:colors[@role = 'secondary'], $brand:hex-upper, $brand:hex-lower)"/>
  <xsl:variable name="brand:color-accent"
      select="translate($brand:colors[@role = 'accent'], $brand:hex-upper, $brand:hex-lower)"/>
  <xsl:variable name="brand:color-text"
      select="translate($brand:colors[@role = 'text'], $brand:hex-upper, $brand:hex-lower)"/>
  <xsl:variable name="brand:color-muted"
      select="translate($brand:colors[@role = 'muted'], $brand:hex-upper, $brand:hex-lower)"/>
  <xsl:variable name="brand:color-rule"
      select="translate($brand:colors[@role = 'rule'], $brand:hex-upper, $brand:hex-lower)"/>
  <xsl:variable name="brand:color-table-header-background"
      select="translate($brand:colors[@role = 'table-header-background'], $brand:hex-upper,
                        $brand:hex-lower)"/>
  <xsl:variable name="brand:color-link"
      select="translate($brand:colors[@role = 'link'], $brand:hex-upper, $brand:hex-lower)"/>
  <xsl:variable name="brand:color-background"
      select="translate(concat($brand:colors[@role = 'background'],
                               substring($brand:default-background, 1
                                         div not($brand:colors[@role = 'background']))),
                        $brand:hex-upper, $brand:hex-lower)"/>

  <!-- Font families as XSL-FO font-family lists; heading and monospace default to body. -->
  <xsl:variable name="brand:fonts" select="$brand:doc/brand:fonts/brand:font"/>
  <xsl:variable name="brand:body-family"
      select="normalize-space($brand:fonts[@role = 'body'])"/>
  <xsl:variable name="brand:heading-family"
      select="normalize-space(concat($brand:fonts[@role = 'heading'],
          substring($brand:body-family, 1 div not($brand:fonts[@role = 'heading']))))"/>
  <xsl:variable name="brand:mono-family"
      select="normalize-space(concat($brand:fonts[@role = 'monospace'],
          substring($brand:body-family, 1 div not($brand:fonts[@role = 'monospace']))))"/>

  <!-- Sizes: the params body-size and heading-scale (params.xsl) win when they are not
       empty, so "make … BODY_SIZE=12" can override a brand. -->
  <xsl:variable name="brand:type" select="$brand:doc/brand:type"/>
  <xsl:variable name="brand:body-size"
      select="number(concat(substring($body-size, 1 div (string($body-size) != '')),
                            substring($brand:type/@body-size-pt, 1 div (string($body-size) = ''))))"/>
  <xsl:variable name="brand:heading-scale"
      select="number(concat(substring($heading-scale, 1 div (string($heading-scale) != '')),
          substring(concat($brand:type/@heading-scale,
                           substring($brand:default-heading-scale, 1
                                     div not($brand:type/@heading-scale))),
                    1 div (string($heading-scale) = ''))))"/>
  <xsl:variable name="brand:line-height"
      select="number(concat($brand:type/@line-height,
          substring($brand:default-line-height, 1 div not($brand:type/@line-height))))"/>

  <!-- Page margins in mm. -->
  <xsl:variable name="brand:margins" select="$brand:doc/brand:margins"/>
  <xsl:variable name="brand:margin-top" select="number(concat($brand:margins/@top-mm,
      substring($brand:default-margin, 1 div not($brand:margins/@top-mm))))"/>
  <xsl:variable name="brand:margin-bottom" select="number(concat($brand:margins/@bottom-mm,
      substring($brand:default-margin, 1 div not($brand:margins/@bottom-mm))))"/>
  <xsl:variable name="brand:margin-left" select="number(concat($brand:margins/@left-mm,
      substring($brand:default-margin, 1 div not($brand:margins/@left-mm))))"/>
  <xsl:variable name="brand:margin-right" select="number(concat($brand:margins/@right-mm,
      substring($brand:default-margin, 1 div not($brand:margins/@right-mm))))"/>

  <!-- The line at the foot of every page; "" when none. -->
  <xsl:variable name="brand:footer" select="normalize-space($brand:doc/brand:footer)"/>

  <!-- == Checks == -->

  <xsl:template name="brand:check">
    <xsl:variable name="at" select="concat('brand file ', $brand:file, ': ')"/>
    <xsl:if test="not($brand:file-ok)">
      <xsl:message terminate="yes">
        <xsl:value-of select="concat('brand &quot;', $brand, '&quot; is neither a brand name',
            ' such as &quot;orebro&quot; nor a file in xml/brand/ such as',
            ' &quot;xml/brand/orebro.xml&quot;')"/>
      </xsl:message>
    </xsl:if>
    <xsl:if test="not($brand:doc)">
      <xsl:message terminate="yes">
        <xsl:value-of select="concat($at, 'cannot be read or is not a brand file (its root',
            ' element must be &lt;brand xmlns=&quot;urn:motesdok:brand:1&quot;&gt;)')"/>
      </xsl:message>
    </xsl:if>
    <xsl:call-template name="brand:require">
      <xsl:with-param name="at" select="$at"/>
      <xsl:with-param name="value" select="$brand:name"/>
      <xsl:with-param name="what" select="'&lt;organisation&gt;&lt;name&gt;'"/>
    </xsl:call-template>
    <xsl:call-template name="brand:require">
      <xsl:with-param name="at" select="$at"/>
      <xsl:with-param name="value" select="$brand:web"/>
      <xsl:with-param name="what" select="'&lt;contact&gt;&lt;web&gt;'"/>
    </xsl:call-template>
    <xsl:call-template name="brand:require">
      <xsl:with-param name="at" select="$at"/>
      <xsl:with-param name="value" select="string($brand:logo/@src)"/>
      <xsl:with-param name="what" select="'&lt;logo src=&quot;…&quot;&gt;'"/>
    </xsl:call-template>
    <xsl:call-template name="brand:require">
      <xsl:with-param name="at" select="$at"/>
      <xsl:with-param name="value" select="$brand:logo-alt"/>
      <xsl:with-param name="what" select="'&lt;logo alt=&quot;…&quot;&gt; (the alternative text)'"/>
    </xsl:call-template>
    <xsl:if test="not($brand:logo-width &gt; 0)">
      <xsl:message terminate="yes">
        <xsl:value-of select="concat($at, '&lt;logo width-mm=&quot;…&quot;&gt; is missing or',
                                     ' not a positive number of millimetres')"/>
      </xsl:message>
    </xsl:if>
    <xsl:if test="not($brand:logo-svg) or not($brand:logo-svg/svg:title[normalize-space()])
                  or not(number($brand:logo-height) &gt; 0)">
      <xsl:message terminate="yes">
        <xsl:value-of select="concat($at, 'the logo ', $brand:logo-src, ' must be an SVG',
                                     ' (&lt;svg xmlns=&quot;http://www.w3.org/2000/svg&quot;&gt;)',
                                     ' with a viewBox and a &lt;title&gt;')"/>
      </xsl:message>
    </xsl:if>
    <!-- Every required role given and every colour #rrggbb, the usual case, is one test with
         no variable in a predicate (a $variable there is looked up and copied for each node:
         role by role, this was 5 % of a kallelse); else brand:check-colors finds the first
         fault in the order of $brand:roles. -->
    <xsl:if test="not($brand:colors[@role = 'primary'] and $brand:colors[@role = 'secondary']
                      and $brand:colors[@role = 'accent'] and $brand:colors[@role = 'text']
                      and $brand:colors[@role = 'muted'] and $brand:colors[@role = 'rule']
                      and $brand:colors[@role = 'table-header-background']
                      and $brand:colors[@role = 'link']
                      and not($brand:colors[string-length(normalize-space()) != 7
                                            or substring(normalize-space(), 1, 1) != '#'
                                            or translate(substring(normalize-space(), 2),
                                                         '0123456789abcdefABCDEF', '') != '']))">
      <xsl:call-template name="brand:check-colors">
        <xsl:with-param name="at" select="$at"/>
        <xsl:with-param name="roles" select="$brand:roles"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:call-template name="brand:require">
      <xsl:with-param name="at" select="$at"/>
      <xsl:with-param name="value" select="$brand:body-family"/>
      <xsl:with-param name="what" select="&quot;&lt;font role='body'&gt;&quot;"/>
    </xsl:call-template>
    <xsl:if test="not($brand:body-size &gt; 0)">
      <xsl:message terminate="yes">
        <xsl:value-of select="concat($at, '&lt;type body-size-pt=&quot;…&quot;&gt; is missing',
                                     ' or not a positive number of points')"/>
      </xsl:message>
    </xsl:if>
  </xsl:template>

  <!-- Stops the transform with "brand file F: WHAT is missing" when value is empty. -->
  <xsl:template name="brand:require">
    <xsl:param name="at"/>
    <xsl:param name="value"/>
    <xsl:param name="what"/>
    <xsl:if test="normalize-space($value) = ''">
      <xsl:message terminate="yes">
        <xsl:value-of select="concat($at, $what, ' is missing')"/>
      </xsl:message>
    </xsl:if>
  </xsl:template>

  <!-- The colour roles, in the schema's order, each followed by a space; "?" marks the
       optional one (brand:check's first test names the required ones too: keep it in step). A string rather than elements read with document(''), which parsed this
       whole file again on every transform. -->
  <xsl:variable name="brand:roles"
      select="concat('primary secondary accent text muted rule table-header-background',
                     ' link background? ')"/>

  <!-- Stops the transform when a required colour role is missing or a colour given is not
       #rrggbb; roles is the rest of $brand:roles. -->
  <xsl:template name="brand:check-colors">
    <xsl:param name="at"/>
    <xsl:param name="roles"/>
    <xsl:variable name="token" select="substring-before($roles, ' ')"/>
    <xsl:if test="$token != ''">
      <xsl:variable name="role" select="translate($token, '?', '')"/>
      <xsl:variable name="given" select="$brand:colors[@role = $role]"/>
      <xsl:variable name="hex" select="normalize-space($given)"/>
      <xsl:choose>
        <xsl:when test="not($given) and not(contains($token, '?'))">
          <xsl:message terminate="yes">
            <xsl:value-of select="concat($at, '&lt;color role=', &quot;'&quot;, $role,
                                         &quot;'&quot;,
                                         '&gt; is missing')"/>
          </xsl:message>
        </xsl:when>
        <xsl:when test="$given and (string-length($hex) != 7 or substring($hex, 1, 1) != '#'
                        or translate(substring($hex, 2), '0123456789abcdefABCDEF', '') != '')">
          <xsl:message terminate="yes">
            <xsl:value-of select="concat($at, '&lt;color role=', &quot;'&quot;, $role,
                                         &quot;'&quot;,
                                         '&gt; is &quot;', $hex, '&quot;, not #rrggbb')"/>
          </xsl:message>
        </xsl:when>
      </xsl:choose>
      <xsl:call-template name="brand:check-colors">
        <xsl:with-param name="at" select="$at"/>
        <xsl:with-param name="roles" select="substring-after($roles, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
