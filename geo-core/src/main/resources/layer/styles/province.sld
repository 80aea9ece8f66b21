<?xml version="1.0" encoding="UTF-8"?>
<!-- Mingjie layer "province" (省级界线). Written once: GeoServer gets this file, the built-in map its Leaflet translation. -->
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>mingjie:province</Name>
    <UserStyle>
      <Name>mingjie_province</Name>
      <Title>省级界线</Title>
      <FeatureTypeStyle>
        <Rule>
          <Name>province</Name>
          <Title>省级界线</Title>
          <MinScaleDenominator>2132.73</MinScaleDenominator>
          <MaxScaleDenominator>559082264.03</MaxScaleDenominator>
          <PolygonSymbolizer>
            <Stroke>
              <CssParameter name="stroke">#7a1f1f</CssParameter>
              <CssParameter name="stroke-width">3</CssParameter>
              <CssParameter name="stroke-opacity">0.9</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
