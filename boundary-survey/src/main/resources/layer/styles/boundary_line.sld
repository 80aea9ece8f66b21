<?xml version="1.0" encoding="UTF-8"?>
<!-- Mingjie layer "boundary_line" (行政区域界线), boundary module. GeoServer gets this file, the built-in map the Leaflet translation of its first rule. -->
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>mingjie:boundary_line</Name>
    <UserStyle>
      <Name>mingjie_boundary_line</Name>
      <Title>行政区域界线</Title>
      <FeatureTypeStyle>
        <Rule>
          <Name>agreed</Name>
          <Title>已协议界线</Title>
          <ogc:Filter>
            <ogc:PropertyIsEqualTo>
              <ogc:PropertyName>legal_status</ogc:PropertyName>
              <ogc:Literal>agreed</ogc:Literal>
            </ogc:PropertyIsEqualTo>
          </ogc:Filter>
          <MinScaleDenominator>2132.73</MinScaleDenominator>
          <MaxScaleDenominator>272989.39</MaxScaleDenominator>
          <LineSymbolizer>
            <Stroke>
              <CssParameter name="stroke">#b5172a</CssParameter>
              <CssParameter name="stroke-width">2.5</CssParameter>
            </Stroke>
          </LineSymbolizer>
          <TextSymbolizer>
            <Label><ogc:PropertyName>name</ogc:PropertyName></Label>
            <Font>
              <CssParameter name="font-family">Noto Sans CJK SC</CssParameter>
              <CssParameter name="font-size">12</CssParameter>
            </Font>
            <Halo><Radius>1.5</Radius><Fill><CssParameter name="fill">#ffffff</CssParameter></Fill></Halo>
            <Fill><CssParameter name="fill">#b5172a</CssParameter></Fill>
          </TextSymbolizer>
        </Rule>
        <Rule>
          <Name>disputed</Name>
          <Title>争议界线</Title>
          <ogc:Filter>
            <ogc:PropertyIsEqualTo>
              <ogc:PropertyName>legal_status</ogc:PropertyName>
              <ogc:Literal>disputed</ogc:Literal>
            </ogc:PropertyIsEqualTo>
          </ogc:Filter>
          <MinScaleDenominator>2132.73</MinScaleDenominator>
          <MaxScaleDenominator>272989.39</MaxScaleDenominator>
          <LineSymbolizer>
            <Stroke>
              <CssParameter name="stroke">#e07b00</CssParameter>
              <CssParameter name="stroke-width">2.5</CssParameter>
              <CssParameter name="stroke-dasharray">8 4</CssParameter>
            </Stroke>
          </LineSymbolizer>
          <TextSymbolizer>
            <Label><ogc:PropertyName>name</ogc:PropertyName></Label>
            <Font>
              <CssParameter name="font-family">Noto Sans CJK SC</CssParameter>
              <CssParameter name="font-size">12</CssParameter>
            </Font>
            <Halo><Radius>1.5</Radius><Fill><CssParameter name="fill">#ffffff</CssParameter></Fill></Halo>
            <Fill><CssParameter name="fill">#e07b00</CssParameter></Fill>
          </TextSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
