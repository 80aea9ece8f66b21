<?xml version="1.0" encoding="UTF-8"?>
<!-- Mingjie layer "boundary_marker" (界桩（按状况）), boundary module. GeoServer gets this file, the built-in map the Leaflet translation of its first rule. -->
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>mingjie:boundary_marker</Name>
    <UserStyle>
      <Name>mingjie_boundary_marker</Name>
      <Title>界桩（按状况）</Title>
      <FeatureTypeStyle>
        <Rule>
          <Name>intact</Name>
          <Title>完好</Title>
          <ogc:Filter>
            <ogc:PropertyIsEqualTo>
              <ogc:PropertyName>condition</ogc:PropertyName>
              <ogc:Literal>完好</ogc:Literal>
            </ogc:PropertyIsEqualTo>
          </ogc:Filter>
          <MinScaleDenominator>2132.73</MinScaleDenominator>
          <MaxScaleDenominator>272989.39</MaxScaleDenominator>
          <PointSymbolizer>
            <Graphic>
              <Mark>
                <WellKnownName>circle</WellKnownName>
                <Fill><CssParameter name="fill">#2a9d3f</CssParameter></Fill>
                <Stroke>
                  <CssParameter name="stroke">#ffffff</CssParameter>
                  <CssParameter name="stroke-width">1</CssParameter>
                </Stroke>
              </Mark>
              <Size>10</Size>
            </Graphic>
          </PointSymbolizer>
          <TextSymbolizer>
            <Label><ogc:PropertyName>number</ogc:PropertyName></Label>
            <Font>
              <CssParameter name="font-family">Noto Sans CJK SC</CssParameter>
              <CssParameter name="font-size">11</CssParameter>
            </Font>
            <Halo><Radius>1.5</Radius><Fill><CssParameter name="fill">#ffffff</CssParameter></Fill></Halo>
            <Fill><CssParameter name="fill">#222222</CssParameter></Fill>
          </TextSymbolizer>
        </Rule>
        <Rule>
          <Name>new</Name>
          <Title>新设</Title>
          <ogc:Filter>
            <ogc:PropertyIsEqualTo>
              <ogc:PropertyName>condition</ogc:PropertyName>
              <ogc:Literal>新设</ogc:Literal>
            </ogc:PropertyIsEqualTo>
          </ogc:Filter>
          <MinScaleDenominator>2132.73</MinScaleDenominator>
          <MaxScaleDenominator>272989.39</MaxScaleDenominator>
          <PointSymbolizer>
            <Graphic>
              <Mark>
                <WellKnownName>circle</WellKnownName>
                <Fill><CssParameter name="fill">#1f6fd1</CssParameter></Fill>
                <Stroke>
                  <CssParameter name="stroke">#ffffff</CssParameter>
                  <CssParameter name="stroke-width">1</CssParameter>
                </Stroke>
              </Mark>
              <Size>10</Size>
            </Graphic>
          </PointSymbolizer>
          <TextSymbolizer>
            <Label><ogc:PropertyName>number</ogc:PropertyName></Label>
            <Font>
              <CssParameter name="font-family">Noto Sans CJK SC</CssParameter>
              <CssParameter name="font-size">11</CssParameter>
            </Font>
            <Halo><Radius>1.5</Radius><Fill><CssParameter name="fill">#ffffff</CssParameter></Fill></Halo>
            <Fill><CssParameter name="fill">#222222</CssParameter></Fill>
          </TextSymbolizer>
        </Rule>
        <Rule>
          <Name>rebuilt</Name>
          <Title>重建</Title>
          <ogc:Filter>
            <ogc:PropertyIsEqualTo>
              <ogc:PropertyName>condition</ogc:PropertyName>
              <ogc:Literal>重建</ogc:Literal>
            </ogc:PropertyIsEqualTo>
          </ogc:Filter>
          <MinScaleDenominator>2132.73</MinScaleDenominator>
          <MaxScaleDenominator>272989.39</MaxScaleDenominator>
          <PointSymbolizer>
            <Graphic>
              <Mark>
                <WellKnownName>circle</WellKnownName>
                <Fill><CssParameter name="fill">#1f6fd1</CssParameter></Fill>
                <Stroke>
                  <CssParameter name="stroke">#ffffff</CssParameter>
                  <CssParameter name="stroke-width">1</CssParameter>
                </Stroke>
              </Mark>
              <Size>10</Size>
            </Graphic>
          </PointSymbolizer>
          <TextSymbolizer>
            <Label><ogc:PropertyName>number</ogc:PropertyName></Label>
            <Font>
              <CssParameter name="font-family">Noto Sans CJK SC</CssParameter>
              <CssParameter name="font-size">11</CssParameter>
            </Font>
            <Halo><Radius>1.5</Radius><Fill><CssParameter name="fill">#ffffff</CssParameter></Fill></Halo>
            <Fill><CssParameter name="fill">#222222</CssParameter></Fill>
          </TextSymbolizer>
        </Rule>
        <Rule>
          <Name>damaged</Name>
          <Title>损坏</Title>
          <ogc:Filter>
            <ogc:PropertyIsEqualTo>
              <ogc:PropertyName>condition</ogc:PropertyName>
              <ogc:Literal>损坏</ogc:Literal>
            </ogc:PropertyIsEqualTo>
          </ogc:Filter>
          <MinScaleDenominator>2132.73</MinScaleDenominator>
          <MaxScaleDenominator>272989.39</MaxScaleDenominator>
          <PointSymbolizer>
            <Graphic>
              <Mark>
                <WellKnownName>circle</WellKnownName>
                <Fill><CssParameter name="fill">#e07b00</CssParameter></Fill>
                <Stroke>
                  <CssParameter name="stroke">#ffffff</CssParameter>
                  <CssParameter name="stroke-width">1</CssParameter>
                </Stroke>
              </Mark>
              <Size>10</Size>
            </Graphic>
          </PointSymbolizer>
          <TextSymbolizer>
            <Label><ogc:PropertyName>number</ogc:PropertyName></Label>
            <Font>
              <CssParameter name="font-family">Noto Sans CJK SC</CssParameter>
              <CssParameter name="font-size">11</CssParameter>
            </Font>
            <Halo><Radius>1.5</Radius><Fill><CssParameter name="fill">#ffffff</CssParameter></Fill></Halo>
            <Fill><CssParameter name="fill">#222222</CssParameter></Fill>
          </TextSymbolizer>
        </Rule>
        <Rule>
          <Name>displaced</Name>
          <Title>移位</Title>
          <ogc:Filter>
            <ogc:PropertyIsEqualTo>
              <ogc:PropertyName>condition</ogc:PropertyName>
              <ogc:Literal>移位</ogc:Literal>
            </ogc:PropertyIsEqualTo>
          </ogc:Filter>
          <MinScaleDenominator>2132.73</MinScaleDenominator>
          <MaxScaleDenominator>272989.39</MaxScaleDenominator>
          <PointSymbolizer>
            <Graphic>
              <Mark>
                <WellKnownName>circle</WellKnownName>
                <Fill><CssParameter name="fill">#d7263d</CssParameter></Fill>
                <Stroke>
                  <CssParameter name="stroke">#ffffff</CssParameter>
                  <CssParameter name="stroke-width">1</CssParameter>
                </Stroke>
              </Mark>
              <Size>10</Size>
            </Graphic>
          </PointSymbolizer>
          <TextSymbolizer>
            <Label><ogc:PropertyName>number</ogc:PropertyName></Label>
            <Font>
              <CssParameter name="font-family">Noto Sans CJK SC</CssParameter>
              <CssParameter name="font-size">11</CssParameter>
            </Font>
            <Halo><Radius>1.5</Radius><Fill><CssParameter name="fill">#ffffff</CssParameter></Fill></Halo>
            <Fill><CssParameter name="fill">#222222</CssParameter></Fill>
          </TextSymbolizer>
        </Rule>
        <Rule>
          <Name>lost</Name>
          <Title>丢失</Title>
          <ogc:Filter>
            <ogc:PropertyIsEqualTo>
              <ogc:PropertyName>condition</ogc:PropertyName>
              <ogc:Literal>丢失</ogc:Literal>
            </ogc:PropertyIsEqualTo>
          </ogc:Filter>
          <MinScaleDenominator>2132.73</MinScaleDenominator>
          <MaxScaleDenominator>272989.39</MaxScaleDenominator>
          <PointSymbolizer>
            <Graphic>
              <Mark>
                <WellKnownName>circle</WellKnownName>
                <Fill><CssParameter name="fill">#6b0f1a</CssParameter></Fill>
                <Stroke>
                  <CssParameter name="stroke">#ffffff</CssParameter>
                  <CssParameter name="stroke-width">1</CssParameter>
                </Stroke>
              </Mark>
              <Size>10</Size>
            </Graphic>
          </PointSymbolizer>
          <TextSymbolizer>
            <Label><ogc:PropertyName>number</ogc:PropertyName></Label>
            <Font>
              <CssParameter name="font-family">Noto Sans CJK SC</CssParameter>
              <CssParameter name="font-size">11</CssParameter>
            </Font>
            <Halo><Radius>1.5</Radius><Fill><CssParameter name="fill">#ffffff</CssParameter></Fill></Halo>
            <Fill><CssParameter name="fill">#222222</CssParameter></Fill>
          </TextSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
