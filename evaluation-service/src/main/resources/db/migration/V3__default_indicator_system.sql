-- The default indicator system for the year the service is first installed (Art. 18), published so a
-- year can be assessed without setting one up; the operator replaces it by publishing a newer version.
insert into indicator_system (id, year, version, name, status, is_default, indicators, penalties, excellent_min,
    good_min, pass_min, fee_violation_veto, created_by, created_at, published_by, published_at)
values ('00000000-0000-4000-8000-000000000001',
        extract(year from (now() at time zone 'Asia/Shanghai'))::int, 1,
        '“科创中国”科技服务团年度绩效评价指标体系（默认）', 'PUBLISHED', true,
        '[
          {"dimension":"ORGANISATION","code":"O1","name":"材料按时上传率","metric":"uploads.on-time-rate","weight":10,"scoring":"LINEAR","target":100},
          {"dimension":"ORGANISATION","code":"O2","name":"需求首次响应及时率","metric":"tickets.first-response-on-time-rate","weight":5,"scoring":"LINEAR","target":100},
          {"dimension":"ORGANISATION","code":"O3","name":"确认的志愿服务时长","metric":"volunteer.hours","weight":10,"scoring":"LINEAR","target":500},
          {"dimension":"ORGANISATION","code":"O4","name":"颁发证书数","metric":"certificates.issued","weight":5,"scoring":"LINEAR","target":20},
          {"dimension":"CONTENT","code":"C1","name":"服务活动场次","metric":"activities","weight":15,"scoring":"BANDED",
           "bands":[{"min":1,"score":40},{"min":4,"score":60},{"min":8,"score":80},{"min":12,"score":100}]},
          {"dimension":"CONTENT","code":"C2","name":"服务试点城市数","metric":"pilot-cities","weight":10,"scoring":"LINEAR","target":3},
          {"dimension":"CONTENT","code":"C3","name":"服务企业数","metric":"enterprises-served","weight":10,"scoring":"LINEAR","target":100},
          {"dimension":"CONTENT","code":"C4","name":"问题库/项目库/开源库入库数","metric":"library.published","weight":5,"scoring":"LINEAR","target":5},
          {"dimension":"EFFECT","code":"E1","name":"解决需求数","metric":"tickets.resolved","weight":10,"scoring":"LINEAR","target":10},
          {"dimension":"EFFECT","code":"E2","name":"需求按期解决率","metric":"tickets.resolution-on-time-rate","weight":5,"scoring":"LINEAR","target":100},
          {"dimension":"EFFECT","code":"E3","name":"转移转化技术数","metric":"outcomes.technologies-transferred","weight":5,"scoring":"LINEAR","target":5},
          {"dimension":"EFFECT","code":"E4","name":"签订合作协议数","metric":"outcomes.agreements","weight":5,"scoring":"LINEAR","target":10},
          {"dimension":"EFFECT","code":"E5","name":"培养人才数","metric":"outcomes.talents-trained","weight":5,"scoring":"LINEAR","target":100}
        ]'::jsonb,
        '[{"metric":"complaints.upheld","points":5},{"metric":"fee-violations.upheld","points":10}]'::jsonb,
        90, 75, 60, 2, 'flyway', now(), 'flyway', now());
