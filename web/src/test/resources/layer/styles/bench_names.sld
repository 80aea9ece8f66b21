<?xml version="1.0" encoding="UTF-8"?>
<!-- Style of the benchmark's synthetic place-name layer (TileBench); synthetic data, test only. -->
<StyledLayerDescriptor version="1.0.0"
    xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>mingjie:bench_names</Name>
    <UserStyle>
      <Name>mingjie_bench_names</Name>
      <Title>合成地名（基准测试）</Title>
      <FeatureTypeStyle>
        <Rule>
          <Name>bench_names</Name>
          <PointSymbolizer>
            <Graphic>
              <Mark>
                <WellKnownName>circle</WellKnownName>
                <Fill><CssParameter name="fill">#d7263d</CssParameter></Fill>
              </Mark>
              <Size>4</Size>
            </Graphic>
          </PointSymbolizer>
          <TextSymbolizer>
            <Label><ogc:PropertyName>name</ogc:PropertyName></Label>
            <Font><CssParameter name="font-family">Noto Sans CJK SC</CssParameter></Font>
          </TextSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
