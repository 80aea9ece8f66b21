<?xml version="1.0" encoding="UTF-8"?>
<!-- Test style (ThinnedTilesTest): rules with filters, an ElseFilter and scale ranges. Test data only. -->
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>mingjie:test_thinned_names</Name>
    <UserStyle>
      <Name>mingjie_test_thinned_names</Name>
      <FeatureTypeStyle>
        <Rule>
          <Name>county</Name>
          <Title>县级</Title>
          <ogc:Filter>
            <ogc:PropertyIsEqualTo>
              <ogc:PropertyName>level</ogc:PropertyName>
              <ogc:Literal>3</ogc:Literal>
            </ogc:PropertyIsEqualTo>
          </ogc:Filter>
          <PointSymbolizer>
            <Graphic>
              <Mark><WellKnownName>circle</WellKnownName><Fill><CssParameter name="fill">#d7263d</CssParameter></Fill></Mark>
              <Size>10</Size>
            </Graphic>
          </PointSymbolizer>
          <TextSymbolizer>
            <Label><ogc:PropertyName>name</ogc:PropertyName></Label>
            <Font><CssParameter name="font-family">Noto Sans CJK SC</CssParameter></Font>
          </TextSymbolizer>
        </Rule>
        <Rule>
          <Name>township</Name>
          <Title>乡级</Title>
          <ogc:Filter>
            <ogc:And>
              <ogc:PropertyIsEqualTo>
                <ogc:PropertyName>level</ogc:PropertyName>
                <ogc:Literal>4</ogc:Literal>
              </ogc:PropertyIsEqualTo>
              <ogc:Not>
                <ogc:PropertyIsNull><ogc:PropertyName>name</ogc:PropertyName></ogc:PropertyIsNull>
              </ogc:Not>
            </ogc:And>
          </ogc:Filter>
          <MaxScaleDenominator>4367058.31</MaxScaleDenominator>
          <PointSymbolizer>
            <Graphic>
              <Mark><WellKnownName>circle</WellKnownName><Fill><CssParameter name="fill">#1f6fd1</CssParameter></Fill></Mark>
              <Size>6</Size>
            </Graphic>
          </PointSymbolizer>
        </Rule>
        <Rule>
          <Name>other</Name>
          <Title>其他</Title>
          <ElseFilter/>
          <MinScaleDenominator>2132.73</MinScaleDenominator>
          <MaxScaleDenominator>136494.69</MaxScaleDenominator>
          <PointSymbolizer>
            <Graphic>
              <Mark><WellKnownName>circle</WellKnownName><Fill><CssParameter name="fill">#777777</CssParameter></Fill></Mark>
              <Size>4</Size>
            </Graphic>
          </PointSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
