/**
 * Generic telesales and customer-service vocabulary: the colloquial, formal and English words reps
 * use for the same idea (the objections and processes of shared/domain.md, and the after-sales
 * topics any company selling by phone has: payment, delivery, installation, repair, contracts).
 * Nothing here names a product, price or policy of one company: the table has to help on a
 * knowledge base it has never seen.
 *
 * A question word from a group also searches for the group's other words, at a lower weight, and
 * counts as covered when the article has any of them. Groups are kept narrow on purpose: one
 * group is one concept, and every form of it weighs by how rare the concept is in the KB, so a
 * group that mixes "体验装" (a thing) with "体验" (an activity every article mentions) makes the
 * specific word as weak as the common one.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  // ── price and money ──
  ['价格', '价钱', '费用', '年费', '收费', '多少钱', '报价', '什么价', 'price', 'cost', 'fee', 'charge', 'how much', 'money'],
  ['贵', '太贵', '嫌贵', '不便宜', '舍不得', '负担不起', '买不起', '不值', '不划算', 'expensive', 'pricey', 'afford', 'overpriced'],
  ['预算', '手头紧', '没钱', 'budget'],
  ['便宜', '实惠', '划算', '性价比', 'cheap', 'cheaper', 'affordable'],
  ['最便宜', '最低', '入门', '入门款', '基础款', 'cheapest', 'lowest', 'entry', 'basic'],
  ['最贵', '最高', '高端', '顶配', 'top', 'premium'],
  ['区别', '差别', '差异', '对比', '比较', '不同', '差在哪', '不一样', 'difference', 'compare', 'versus', 'vs'],
  ['优惠', '折扣', '打折', '立减', '减免', '便宜点', '少多少', '减多少', '便宜多少', '降价', '让价', '让利', '砍价', '讲价', '还价', 'discount', 'haggle', 'bargain'],
  // A rep's discount authority: "我能答应吗".
  ['权限', '审批', '特批', '批准', '擅自', '私自', '答应', 'authority', 'approve', 'approval', 'authorize'],
  ['赠品', '送', '赠送', '礼品', '礼物', '附赠', 'gift', 'bonus'],
  ['押金', '保证金', 'deposit'],
  ['运费', '邮费', '包邮', 'postage'],
  ['分期', '分期付款', '月供', '免息', '按月付', '按月交', 'installment', 'instalment'],
  ['贷款', '借贷', '按揭', 'loan', 'financing', 'finance'],
  ['回本', '回报', '本钱', '收回成本', '赚回来', 'payback', 'roi', 'break even'],
  ['付款', '付钱', '支付', '交钱', '缴费', '交费', '刷卡', '刷', '转账', '扫码', 'pay', 'payment'],
  ['信用卡', '银行卡', '借记卡', '花呗', 'credit card', 'debit card'],
  ['一次付清', '付清', '全款', '一次性', 'lump sum', 'in full'],
  ['发票', '开票', '报销', '收据', '专票', 'invoice', 'receipt', 'reimburse'],
  ['退款', '退', '退钱', '退费', '退回', '退货', '退订', '退卡', '退租', '退保', '不想要', '不想用', '不要了', '反悔', 'refund', 'return', 'cancel', 'money back'],
  ['违约金', '违约', '赔', '赔偿', '罚款', '补偿', 'penalty', 'compensation', 'compensate'],
  ['合同', '合约', '协议', '签约', 'contract', 'agreement'],
  ['到期', '过期', '期满', '快到期', 'expire', 'expiry'],
  ['续费', '续', '续约', '续卡', '续签', 'renew', 'renewal'],
  ['升级', '换档', '补差价', 'upgrade', 'switch'],
  ['转让', '转给', '过户', '给别人用', 'transfer'],
  ['冻结', '暂停', '延期', '顺延', '往后延', '推迟', 'pause', 'freeze', 'postpone', 'suspend'],
  ['生效', '开卡', '激活', '开通', 'activate', 'activation'],
  ['试用', '体验', '试试', '试听', '体验课', 'trial', 'try'],
  ['试用装', '体验装', '样品', '小样', '试用品', 'sample'],
  // "要不要收钱" asks whether something is free.
  ['免费', '不要钱', '不收费', '不收钱', '收钱', '要钱', '另收', '额外收费', 'free'],
  ['租', '租赁', '月租', '租用', 'rent', 'rental', 'lease'],
  ['买', '购买', '买断', '下单', 'buy', 'purchase'],
  // ── delivery, installation, after-sales ──
  ['寄', '配送', '快递', '邮寄', '发货', '送货', '物流', 'ship', 'shipping', 'delivery', 'deliver'],
  ['没收到', '收不到', '漏发', '没到货', 'missing'],
  ['地址', '收货地址', '改地址', '换地址', '新地址', '搬家', 'address', 'move', 'relocate'],
  ['安装', '装', '装机', '上门安装', 'install', 'installation'],
  ['保修', '维修', '修', '报修', '坏了', '故障', '售后', 'repair', 'warranty', 'fix', 'broken'],
  ['推来推去', '推诿', '踢皮球', '扯皮', '不给修', '不认账', 'runaround'],
  ['人为', '人为损坏', '私拆', '自己拆', '拆过', '拆机', '改装', 'tamper', 'misuse'],
  ['质保', '质保期', '保修期', '保几年', 'warranty', 'guarantee'],
  ['衰减', '越来越少', '越来越差', '变差', '老化', 'degrade', 'degradation'],
  ['漏水', '渗水', '渗漏', 'leak', 'leaking'],
  ['屋顶', '房顶', '楼顶', 'roof', 'rooftop'],
  ['电池', 'battery', 'batteries'],
  ['换', '更换', '替换', 'change', 'replace'],
  ['客服', '热线', '服务电话', 'hotline', 'helpline'],
  ['体检', '检查', '检测', 'checkup', 'check-up', 'exam'],
  ['档', '档位', '档次', '星级', '级别', '版本', 'tier', 'version', 'edition'],
  ['套餐', '方案', 'package', 'bundle'],
  ['限制', '要求', '条件', '资格', 'requirement', 'eligible', 'restriction', 'limit'],
  ['等', '等待', 'wait'],
  // ── people ──
  ['老人', '老年', '老年人', '年纪大', '岁数大', '长辈', 'elderly', 'senior'],
  ['年龄', '岁', '年纪', 'age'],
  ['孩子', '小孩', '儿童', '少儿', '小朋友', 'kid', 'child', 'children'],
  ['家人', '家里人', '家属', '亲属', '老伴', '爱人', '老婆', '老公', '媳妇', '丈夫', '妻子', '配偶', '子女', '儿子', '女儿', '闺女', '儿媳', '女婿', '父母', '爸妈', 'family', 'spouse', 'wife', 'husband', 'son', 'daughter', 'parent', 'relative'],
  // People the customer knows who are not the ones deciding ("my neighbour had one and it never worked").
  ['邻居', '街坊', '熟人', '朋友家', '亲戚', '表哥', '表姐', '表弟', '表妹', 'neighbour', 'neighbor', 'cousin', 'acquaintance'],
  ['商量', '问问', '意见', '做主', '做不了主', '说了算', 'discuss', 'consult'],
  ['老板', '企业主', '老总', '领导', 'boss', 'owner'],
  // Tenant or owner, not the renting of a product (the 租 group).
  ['租房', '租的', '房东', '租客', '租户', '房主', '业主', '产权', '名下', 'tenant', 'landlord', 'homeowner'],
  // ── objections ──
  ['骗子', '诈骗', '骗局', '骗', '骗人', '忽悠', '坑', '坑人', '上当', '受骗', '骗钱', '被骗', '陷阱', '套路', '吃亏', '吃过亏', '上过当', '被坑过', 'scam', 'fraud', 'cheat'],
  ['不信', '信任', '相信', '正规', '靠谱', '警惕', '戒心', 'trust', 'legit'],
  // Not the bare verb 'think': "she thinks it's a scam" is no think-it-over.
  ['考虑', '想想', '再想想', '犹豫', '拖', '再说', 'think it over', 'think about it', 'consider', 'hesitate'],
  ['忙', '没空', '没时间', '开会', '在忙', '上班', '开车', '不方便', 'busy', 'meeting', 'driving'],
  ['资料', '宣传册', '链接', 'material', 'brochure', 'leaflet'],
  // Documents a customer hands in; not the brochure of the group above.
  ['材料', '证件', '手续', '身份证', '房产证', '证明', '证明材料', 'documents', 'paperwork'],
  ['微信', '短信', '加微信', 'wechat', 'text', 'sms'],
  ['不需要', '用不上', '用不着', '没必要', '不用', '身体好', '硬朗', '壮', 'need', 'fit', 'healthy'],
  ['别家', '别人家', '别的家', '竞品', '同行', '友商', '隔壁', '另一家', '其他家', '别的公司', '其他公司', '其他品牌', 'competitor'],
  ['已经有', '已有', '在用', '已经装了', '供应商', 'supplier', 'already', 'existing'],
  ['当面', '实物', '线下', '参观', '面对面', '门店', '实体店', 'in person', 'visit', 'store', 'showroom'],
  ['骂', '骂人', '生气', '发火', '情绪', '吵', '凶', 'angry', 'yell', 'shout', 'swear', 'upset', 'rude'],
  ['听不清', '耳背', '听不见', '听力', '喂喂', 'hearing', 'deaf'],
  // ── process and compliance ──
  ['投诉', '告', '举报', '反映', '曝光', 'complaint', 'complain'],
  ['勿扰', '别打', '不要再打', '别再打', '不让打', '不再来电', '删掉', '拉黑', '别联系', '别给我打', 'do-not-call', 'stop calling'],
  ['录音', '质检', 'record', 'recording'],
  ['同意', '不同意', '反对', '拒绝', '不愿意', '不肯', '不乐意', '乐意', '不情愿', '反感', '抵触', 'agree', 'object', 'refuse', 'consent', 'unwilling', 'reluctant'],
  ['继续', '接着', '往下', 'continue', 'keep'],
  ['回访', '跟进', '跟一次', '再打', '回电', '回拨', '回电话', '回个电话', 'follow', 'follow-up', 'call back'],
  ['多久', '多长时间', '隔多久', '频率', '周期', 'often', 'frequency', 'cycle', 'how often', 'how long'],
  ['流失', '没动静', '丢了', '跑了', '失联', '没消息', 'lost', 'churn'],
  ['开场', '开场白', '开头', '第一句', '开口', '打招呼', 'opening', 'greeting'],
  ['名单', '单子', '线索', '客户名单', '客户资源', '新名单', 'lead', 'leads'],
  ['准备', '备课', '做功课', '打之前', '拨之前', '打电话前', '打电话之前', '通话前', '外呼前', '拨打前', '拨号前', 'prepare', 'preparation', 'prep'],
  ['需求', '想要', '摸清', '挖掘', 'needs', 'discovery'],
  ['提问', '怎么问', '问什么', '问哪些', '开放式'],
  ['记录', '登记', '记下', '记下来', '备注', '记', '汇报', 'log', 'note'],
  // Where reps log calls and mark customers; "系统" is how reps say CRM.
  ['crm', '客户管理系统', '后台', '系统'],
  ['指标', '考核', '达标', '标准', 'metric', 'kpi', 'standard'],
  ['A卡', '意向卡', '意向客户卡', '建卡'],
  ['目标', '计划', '任务', 'target', 'plan', 'quota'],
  ['复盘', '诊断', '问题出在哪', '哪出问题', '卡在哪', '短板', 'diagnose', 'diagnosis', 'bottleneck'],
  ['拨打', '通话量', '打电话', 'dial', 'call', 'ring'],
  ['隐私', '脱敏', '打码', '遮', '遮一下', '遮住', '马赛克', '打星号', '星号', '个人信息', '保密', 'privacy', 'mask', 'personal data'],
  ['群里', '发群', '群聊', '工作群', 'group chat'],
  ['号码', '手机号', '电话号码', 'number', 'phone number'],
  // The rep's own software failing: rarely in a KB, so such questions should find nothing.
  ['闪退', '死机', '卡死', '报错', '登录不上', '登不上', '登录失败', '系统故障', 'crash', 'crashes', 'error', 'login', 'bug'],
  ['号码来源', '信息来源', '哪来的', '怎么有', '怎么知道'],
  ['手机', '私人手机', 'mobile', 'cell'],
  ['话术', '说法', '原话', '模板', '聊什么', '聊啥', '聊些啥', '聊些什么', 'script', 'template', 'wording', 'what to say'],
  ['推荐', '推卡', '主推', 'pitch', 'recommend', 'suggest'],
  ['成交', '出单', '签单', '开单', '单', '成单', 'deal', 'close', 'closing'],
  ['每天', '每日', '一天', '天天', 'daily', 'per day'],
  ['怎么算', '计算', '算法', '公式', '分母', '分子', '口径', '除以', 'calculate', 'formula', 'denominator', 'numerator'],
  ['来电', '打过来', '打进来', '主动来电', 'call in'],
  ['病史', '病情', '疾病', '病', '生病', '慢性病', '高血压', '糖尿病', '心脏病', 'illness', 'medical', 'disease', 'sick'],
  ['住院', '医院', 'hospital'],
  ['转介绍', '介绍朋友', '老带新', '推荐人', 'referral', 'refer', 'introduce', 'friend'],
  ['转介绍率', 'referral rate'],
  // Rarely in a KB: kept apart from gifts and referral rewards so a commission question finds nothing.
  ['提成', '佣金', '抽成', '奖金', 'commission'],
  ['成交率', 'close rate', 'closing rate'],
  ['接通率', 'connect rate', 'connection rate'],
  ['流失率', 'churn rate'],
  // ── time ──
  ['周末', '周六', '周日', '礼拜天', '礼拜六', '星期天', '星期六', 'weekend', 'saturday', 'sunday'],
  ['礼拜', '星期', '周', 'week'],
  ['节假日', '过年', '春节', '放假', 'holiday'],
  ['营业时间', '服务时间', '上班时间', '工作时间', '值班', '有人接', 'opening hours', 'business hours', 'office hours'],
];
