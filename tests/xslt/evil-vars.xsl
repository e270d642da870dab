<?xml version="1.0" encoding="UTF-8"?>
<!-- Malicious: a recursion that keeps forty variables alive at each level, so the variable
     limit stops it before the depth limit does. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text"/>
  <xsl:template match="/">
    <xsl:call-template name="again"/>
  </xsl:template>
  <xsl:template name="again">
    <xsl:param name="n" select="0"/>
    <xsl:variable name="v0" select="0"/><xsl:variable name="v1" select="1"/><xsl:variable name="v2" select="2"/><xsl:variable name="v3" select="3"/><xsl:variable name="v4" select="4"/><xsl:variable name="v5" select="5"/><xsl:variable name="v6" select="6"/><xsl:variable name="v7" select="7"/><xsl:variable name="v8" select="8"/><xsl:variable name="v9" select="9"/><xsl:variable name="v10" select="10"/><xsl:variable name="v11" select="11"/><xsl:variable name="v12" select="12"/><xsl:variable name="v13" select="13"/><xsl:variable name="v14" select="14"/><xsl:variable name="v15" select="15"/><xsl:variable name="v16" select="16"/><xsl:variable name="v17" select="17"/><xsl:variable name="v18" select="18"/><xsl:variable name="v19" select="19"/><xsl:variable name="v20" select="20"/><xsl:variable name="v21" select="21"/><xsl:variable name="v22" select="22"/><xsl:variable name="v23" select="23"/><xsl:variable name="v24" select="24"/><xsl:variable name="v25" select="25"/><xsl:variable name="v26" select="26"/><xsl:variable name="v27" select="27"/><xsl:variable name="v28" select="28"/><xsl:variable name="v29" select="29"/><xsl:variable name="v30" select="30"/><xsl:variable name="v31" select="31"/><xsl:variable name="v32" select="32"/><xsl:variable name="v33" select="33"/><xsl:variable name="v34" select="34"/><xsl:variable name="v35" select="35"/><xsl:variable name="v36" select="36"/><xsl:variable name="v37" select="37"/><xsl:variable name="v38" select="38"/><xsl:variable name="v39" select="39"/>
    <xsl:call-template name="again">
      <xsl:with-param name="n" select="$n + 1"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
