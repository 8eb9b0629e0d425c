package io.plantsync.aggregates.governance;

/** The kinds of system that talk to PlantSync; system-of-record rules are written in these terms. */
public enum AdapterKind {
  ERP,
  MES,
  WMS,
  PLANNING,
  QMS,
  SUPPLIER,
  ANALYTICS,
  OPERATOR
}
