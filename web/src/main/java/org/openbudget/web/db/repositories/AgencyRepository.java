package org.openbudget.web.db.repositories;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AgencyRepository {
    private static final RowMapper<Agency> MAPPER = (rs, i) -> new Agency(rs.getString("code"), rs.getString("name"), rs.getString("kind"),
            rs.getString("type"), rs.getString("region_code"), rs.getString("parent_code"), rs.getInt("position"));
    private final JdbcClient db;

    public AgencyRepository(JdbcClient db) { this.db = db; }

    public Optional<Agency> find(String code) {
        return db.sql("select * from agency where code = ?").param(code).query(MAPPER).optional();
    }

    public List<Agency> all() {
        return db.sql("select * from agency order by region_code, coalesce(parent_code, code), position, code").query(MAPPER).list();
    }

    /** A department's units, 本级 first (by position). */
    public List<Agency> units(String departmentCode) {
        return db.sql("select * from agency where parent_code = ? order by position, code").param(departmentCode).query(MAPPER).list();
    }

    public List<Agency> inRegion(String regionCode) {
        return db.sql("select * from agency where region_code = ? order by coalesce(parent_code, code), position, code").param(regionCode).query(MAPPER).list();
    }

    public void upsert(Agency a) {
        db.sql("""
                insert into agency(code, name, kind, type, region_code, parent_code, position) values (?,?,?,?,?,?,?)
                on conflict (code) do update set name = excluded.name, kind = excluded.kind, type = excluded.type,
                  region_code = excluded.region_code, parent_code = excluded.parent_code, position = excluded.position""")
                .params(a.code(), a.name(), a.kind(), a.type(), a.regionCode(), a.parentCode(), a.position()).update();
    }

    public void upsertRegion(String code, String name) {
        db.sql("insert into region(code, name) values (?, ?) on conflict (code) do update set name = excluded.name").params(code, name).update();
    }

    /** What still refers to an agency: its units, its accounts, its documents (a referenced agency is not deleted). */
    public List<String> references(String code) {
        List<String> out = new java.util.ArrayList<>();
        long units = db.sql("select count(*) from agency where parent_code = ?").param(code).query(Long.class).single();
        long accounts = db.sql("select count(*) from account where agency_code = ?").param(code).query(Long.class).single();
        long documents = db.sql("select count(*) from document where agency_code = ?").param(code).query(Long.class).single();
        long published = db.sql("select count(*) from publication where agency_code = ?").param(code).query(Long.class).single();
        if (units > 0) out.add(units + " 个所属单位");
        if (accounts > 0) out.add(accounts + " 个账号");
        if (documents > 0) out.add(documents + " 份预算");
        if (published > 0) out.add(published + " 个已发布版本");
        return out;
    }

    public void delete(String code) {
        db.sql("delete from agency where code = ?").param(code).update();
    }

    public long agenciesInRegion(String region) {
        return db.sql("select count(*) from agency where region_code = ?").param(region).query(Long.class).single();
    }

    public Map<String, String> regions() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        db.sql("select code, name from region order by code").query((rs, i) -> out.put(rs.getString(1), rs.getString(2))).list();
        return out;
    }
}
