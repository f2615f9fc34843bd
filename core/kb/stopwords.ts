/**
 * Words that say nothing about which article answers: function words, question filler and the
 * generic people of any telesales question ("客户问…", "阿姨说…"), and the spoken adverbs,
 * directions and time-relations reps wrap a question in ("立马", "过来", "之前", "好几").
 * Matching them would rank articles by how chatty they are, and counting them would let any
 * question look "covered" or, unmatched, look off-topic.
 */
const ZH = `的 地 得 了 着 过 吗 嘛 呢 啊 呀 吧 哦 哈 呗 啦 么 哇 喔 嗯 诶 哎 额
是 不是 有 没有 没 在 和 跟 与 及 或 或者 还是 并 而 但 但是 就 都 也 还 又 再 才 很 太 挺 真 最 更
我 你 您 他 她 它 我们 你们 他们 她们 咱 咱们 人家 自己 大家 别人
这 那 这个 那个 这些 那些 这样 那样 这种 那种 这么 那么 哪 哪个 哪些 哪儿 哪里 那里 这里 里 里面
什么 啥 啥子 怎么 怎么样 怎样 怎么办 咋 咋办 咋整 咋说 如何 为什么 为啥 干啥 多少 几 几个
可以 可不可以 能 能不能 能否 会 会不会 要 要不要 想 该 应该 得 需要 必须
给 让 把 被 对 向 从 到 用 于 为 以 之 其 如果 因为 所以 然后 还有 一下 一下子 一个 个 些 点 一点 一些
说 讲 问 问问 告诉 知道 觉得 看 看看 回 回答 整 弄 搞 办法
到底 一直 现在 已经 刚 刚才 马上 其实 就是 只是 反正 比较 大概 好像 然后 一样 一般 等 等等
客户 顾客 客人 对方 人 家 老板 阿姨 大爷 大妈 大叔 大姐 大哥 叔叔 老爷子 老太太 奶奶 爷爷 老头子 老头 小姐 先生 女士
请问 请 谢谢 好 好的 行 吧 一 二 时候 不 不会 不能 不要 有没有 是不是 能不能 要不要 可不可以 的话 怎么弄 怎么说
客户问 客户说 客户要 客户想 我该 该怎么 帮 帮我 东西 事 事情 问题 情况 一次 有人
一下子 立马 立刻 赶紧 老是 总是 总 得很 才行 才 好 咋回 怎么回 该咋说 凭啥 凭什么 真的 专门 其实 之类 这事 那事
这边 那边 过来 过去 起来 下来 出来 来 去 上 下 前 后 之前 之后 以前 以后 后来 当时 时 那时 这时 时候 的时候
一般 通常 总共 差不多 好像 似乎 可能 也许 大概 肯定 一定 确实 特别 非常 有点 有些 好多 很多 那么多 这么多
好几 几 多 啥好 干啥 干嘛 办法 有办法 没办法 一直 突然 早就 早 正式 这样子 那样子 咋样 行不行 好不好 对不对 可以吗`;

const EN = `a an the and or but if then else of to in on at by for with from about as into over after before
is are was were be been being am do does did done have has had having can could will would shall should may might must
i me my mine we us our you your he him his she her they them their it its this that these those there here
what which who whom whose when where why how whether not no yes so too very just also only than any some all each
up out off down again once more most much many such own same both few other get got go going say says said tell ask
customer client caller person guy lady man woman sir madam mr mrs ms one thing stuff now what's how's it's i'm
don't doesn't didn't can't won't isn't aren't wasn't shouldn't because since while though although without
really super quite pretty maybe please thanks okay ok well still even ever yet come came want wants wanted let
through thru respond reply handle answer anything something everything someone anyone somebody`;

export const STOP_ZH = new Set(ZH.split(/\s+/u).filter(Boolean));
export const STOP_EN = new Set(EN.split(/\s+/u).filter(Boolean));

export function isStopword(term: string): boolean {
  return STOP_ZH.has(term) || STOP_EN.has(term);
}
