package org.openbudget.web.db.repositories;

/** A registered unit (单位) or department (部门); {@code parentCode} is a unit's department. */
public record Agency(String code, String name, String kind, String type, String regionCode, String parentCode, int position) {
    public boolean isDepartment() { return "部门".equals(kind); }
}
