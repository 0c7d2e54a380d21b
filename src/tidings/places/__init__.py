"""Places: toponym finding and resolution against an offline GeoNames gazetteer."""
