<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<!-- SiamCRNN training labels: categorised on "change" (0 Unchanged green, 1 Changed red), with a value-map
     editor so drawn polygons get 0 or 1 from a drop-down. -->
<qgis version="3.22.0" styleCategories="Symbology|Fields|Forms" hasScaleBasedVisibilityFlag="0" minScale="1e+08" maxScale="0">
  <renderer-v2 type="categorizedSymbol" attr="change" symbollevels="0" forceraster="0" enableorderby="0" referencescale="-1">
    <categories>
      <category symbol="0" value="0" label="Unchanged" render="true"/>
      <category symbol="1" value="1" label="Changed" render="true"/>
    </categories>
    <symbols>
      <symbol type="fill" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="color" type="QString" value="51,160,44,90"/>
            <Option name="style" type="QString" value="solid"/>
            <Option name="outline_color" type="QString" value="51,160,44,255"/>
            <Option name="outline_style" type="QString" value="solid"/>
            <Option name="outline_width" type="QString" value="0.5"/>
            <Option name="outline_width_unit" type="QString" value="MM"/>
            <Option name="joinstyle" type="QString" value="miter"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="fill" name="1" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <Option type="Map">
            <Option name="color" type="QString" value="227,26,28,90"/>
            <Option name="style" type="QString" value="solid"/>
            <Option name="outline_color" type="QString" value="227,26,28,255"/>
            <Option name="outline_style" type="QString" value="solid"/>
            <Option name="outline_width" type="QString" value="0.5"/>
            <Option name="outline_width_unit" type="QString" value="MM"/>
            <Option name="joinstyle" type="QString" value="miter"/>
          </Option>
        </layer>
      </symbol>
    </symbols>
    <rotation/>
    <sizescale/>
  </renderer-v2>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <layerOpacity>1</layerOpacity>
  <fieldConfiguration>
    <field name="change" configurationFlags="None">
      <editWidget type="ValueMap">
        <config>
          <Option type="Map">
            <Option name="map" type="List">
              <Option type="Map">
                <Option name="Unchanged" type="int" value="0"/>
              </Option>
              <Option type="Map">
                <Option name="Changed" type="int" value="1"/>
              </Option>
            </Option>
          </Option>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias field="change" index="1" name="Change"/>
  </aliases>
  <defaults>
    <default field="change" expression="0" applyOnUpdate="0"/>
  </defaults>
  <constraints>
    <constraint field="change" constraints="4" notnull_strength="0" unique_strength="0" exp_strength="1"/>
  </constraints>
  <constraintExpressions>
    <constraint field="change" exp="&quot;change&quot; IN (0, 1)" desc="0 = unchanged, 1 = changed"/>
  </constraintExpressions>
  <layerGeometryType>2</layerGeometryType>
</qgis>
