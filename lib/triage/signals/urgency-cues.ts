import type { Cue } from './text';
import type { ReasonCode } from './reasons';

/**
 * Urgency cues in en, de and zh, over folded text (see text.ts: ä → ae, ß → ss, lower case).
 * Each family is a handful of patterns that generalise (inflections, word order), not a list of
 * the phrases in our test mails.
 */

const DAY_EN = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)';
const MONTH_EN = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*';
const DAY_DE = '(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag)';
const ZH_NUM = '[0-9一二两三四五六七八九十几半]';
const ZH_DAY = '(?:周|星期|礼拜)[一二三四五六日天末]';
const re = (source: string): RegExp => new RegExp(source);

// "today" is no deadline when the sentence reports something that already happened today.
const PAST_EVENT_EN =
  /\b(?:received|arrived|came|got|ordered|placed|bought|purchased|delivered|opened|unpacked|noticed|saw|tried|started|since|hope|hoping|showed up|turned up)\b/;
const PAST_EVENT_DE =
  /\b(?:erhalten|bekommen|angekommen|geliefert|zugestellt|bestellt|gekauft|ausgepackt|geoeffnet|gesehen|bemerkt|seit|hoffe|kam|kamen|erhielt|bekam|lag|stand)\b/;
const PROMISE_WORDS = /\b(?:said|says|say|promis\w*|stated|states|advertis\w*|usually|normally|typically|stand\w*|laut|versprochen|angegeben|normalerweise)\b/;
const WRITING_EN = /\b(?:writ\w*|wrote|email\w*|e-mail\w*|mail\w*|messag\w*|contact\w*|ask\w*|reach\w*|call\w*|request\w*|chas\w*|follow\w*|remind\w*)\b/;
const WRITING_DE = /(?:schreib|geschrieben|frag|meld|kontakt|mail|nachricht|wende|anfrag|anruf|angerufen|erinner)/;
const WRITING_ZH = /(?:发|联系|询问|问|咨询|邮件|写|反映|找|催|留言|打电话|来信)/;
const NOT_PARCEL = /(?:refund|money|repl(?:y|ies)|answer|respon|email|invoice|confirmation|code|rueckerstattung|geld|antwort|rechnung|bestaetigung|退款|回复|邮件|发票|验证码|到账)/;

export const URGENCY_CUES: readonly Cue<ReasonCode>[] = [
  // ---- explicit time pressure / deadline
  { code: 'urgency:deadline', re: /\b(?:asap|a\.s\.a\.p|urgent\w*|urgency|emergency|immediately|right away|right now|straight away|at once|without delay|time[- ](?:sensitive|critical)|deadline|at the latest|running out of time|last chance|final notice)\b/, negatable: true },
  { code: 'urgency:deadline', re: /\bas (?:soon|quickly|fast) as (?:possible|you can|humanly)\b/ },
  { code: 'urgency:deadline', re: re(`\\b(?:by|until|till|before|no later than|in time for|due)\\s+(?:(?:this|next|the|coming|end of|the end of)\\s+)*(?:today|tonight|tomorrow|noon|midnight|eod|cob|weekend|week|day|month|${DAY_EN}|\\d{1,2}(?::\\d\\d)?\\s*(?:am|pm)|\\d{1,2}(?:st|nd|rd|th)\\b|${MONTH_EN}\\b)`) },
  { code: 'urgency:deadline', re: /\b(?:today|tonight|tomorrow|this week)\b/, unless: PAST_EVENT_EN, negatable: true },
  { code: 'urgency:deadline', re: re(`\\bfor (?:this |next |the )?(?:${DAY_EN}|the weekend)\\b`) },
  { code: 'urgency:deadline', re: /\b(?:before|by|until|till|in time for) (?:the )?(?:christmas|xmas|easter|new year'?s?(?: eve)?|thanksgiving|the holidays|holidays|black friday|valentine'?s(?: day)?|mother'?s day|father'?s day)\b|\b(?:vor|bis|noch vor|rechtzeitig (?:zu|vor)|zu) (?:weihnachten|ostern|silvester|neujahr|heiligabend|muttertag|vatertag|den feiertagen)\b|(?:春节|过年|圣诞节?|元旦|中秋|国庆|双十一|双11|情人节|节日?)(?:之前|以前|前)/ },
  { code: 'urgency:deadline', re: /\bwithin (?:the next )?(?:\d+|a few|one|two|three|24|48|72)\s*(?:hours?|hrs?|days?|business days|working days)\b/, unless: PROMISE_WORDS },
  { code: 'urgency:deadline', re: /\b(?:in time|on time for)\b/, negatable: true },
  { code: 'urgency:deadline', re: /\b(?:i'm|i am|we're|we are|i'll be|we'll be)\s+(?:leaving|flying|travel\w*|moving|away)\b/ },
  { code: 'urgency:deadline', re: /\b(?:dringend\w*|eilig\w*|eilt|sofort\w*|umgehend\w*|unverzueglich\w*|schnellstmoeglich\w*|schnellstens|so schnell wie (?:moeglich|es geht)|notfall|spaetestens|allerspaetestens|letzte frist|frist\w*)\b/, negatable: true },
  { code: 'urgency:deadline', re: re(`\\b(?:bis|noch vor)\\s+(?:(?:zum|zur|spaetestens|naechste[nrms]?|kommende[nrms]?|diese[nrms]?|ende|heute|morgen|am)\\s+)*(?:heute|morgen|${DAY_DE}|wochenende|ende der woche|monatsende|mittag|abend|\\d{1,2}(?:[.:]\\d{1,2})?)`) },
  { code: 'urgency:deadline', re: re(`\\bvor (?:dem |der )?(?:${DAY_DE}|wochenende|heute abend)\\b`) },
  { code: 'urgency:deadline', re: /(?<!seit )(?<!seit dem update )\b(?:heute|morgen frueh|heute noch|heute abend|diese woche)\b(?! (?:morgen|frueh|vormittag|nacht|mittag))/, unless: PAST_EVENT_DE, negatable: true },
  { code: 'urgency:deadline', re: /(?<!guten )(?<!heute )(?<!seit )\bmorgen\b/, unless: PAST_EVENT_DE, negatable: true },
  { code: 'urgency:deadline', re: re(`\\b(?:fuer|zum|zur) (?:den |die |das )?(?:${DAY_DE})\\b|\\b(?:hochzeit|geburtstag|feier|reise|urlaub|flug|messe|veranstaltung|praesentation|abflug|umzug)\\w* (?:am|diesen|naechsten|kommenden) (?:${DAY_DE}|\\d)`) },
  // zh: characters, no word boundaries
  { code: 'urgency:deadline', re: /尽快|马上|立刻|立即|赶紧|赶快|火速|加急|紧急|急用|急需|急件|刻不容缓|等不及|来不及|越快越好|第一时间|着急|急/, negatable: true },
  { code: 'urgency:deadline', re: re(`今天(?:之内|内|必须|一定|就|要|务必|能|可以)|今晚|明天|明早|后天|本周内|这周内|月底前|截止|最迟|最晚|期限|${ZH_NUM}+(?:天|小时|个小时|日)(?:之内|以内|内)|${ZH_DAY}(?:之前|以前|前)`) },
  { code: 'urgency:deadline', re: re(`(?:下|这|本)?${ZH_DAY}[^，,。]{0,8}(?:要用|就要|必须|出国|出发|开会|用|到)`) },

  // ---- outage of the shop/service (also importance:shop-outage, see index.ts)
  { code: 'urgency:outage', re: /\b(?:outage|downtime|service unavailable|bad gateway|gateway timeout|internal server error|(?:error|status|code)\s*5\d\d)\b/ },
  { code: 'urgency:outage', re: /\b(?:site|website|web site|webshop|web shop|online shop|shop|store|checkout|check-out|payment page|payments?|cart|basket|server|servers|homepage)\b[^.]{0,40}\b(?:down|offline|unreachable|unavailable|not loading|won't load|doesn't load|not working|isn't working|stopped working|broken|crash\w*|error\w*|failing|fails|failed|time[sd]? out|timing out|blank)\b/, negatable: true },
  { code: 'urgency:outage', re: /\b(?:can't|cant|cannot|can not|unable to|not able to|couldn't|could not)\s+(?:\w+\s+)?(?:check ?out|complete (?:my |the |an? )?(?:order|purchase|payment|checkout)|pay\b|place (?:an? |my |the )?order|add \w+ to (?:the |my )?(?:cart|basket))/ },
  { code: 'urgency:outage', re: /\b(?:click\w*|press\w*|hit\w*)\b[^.]{0,30}\b(?:pay|buy|checkout|order)\b[^.]{0,40}\berror/ },
  { code: 'urgency:outage', re: /\b(?:checkout|check out|payment|pay|place (?:an? |my |the )?order|buy|purchase|card details|cart|basket)\b[^.]{0,60}\b(?:spins?|spinning|hangs?|hanging|freez\w*|nothing happens|loads? forever|loading forever|error\w*|won't go through|doesn't go through|not going through|keeps failing)\b/ },
  { code: 'urgency:outage', re: /\b(?:customers|clients|buyers|shoppers)\b[^.]{0,30}\b(?:can't|cannot|can not|unable to|are abandoning|abandon)\b[^.]{0,20}\b(?:order|buy|pay|check ?out|cart|purchase)/ },
  { code: 'urgency:outage', re: /\b(?:kaufen|bestellen|bezahlen|kasse|checkout|warenkorb|bestellung abschliessen|bestellvorgang|kaufvorgang)\b[^.]{0,60}(?:fehler|haengt|laedt (?:endlos|ewig|nicht)|dreht sich|passiert nichts|nichts passiert|geht nicht|klappt nicht|funktioniert nicht|bricht\b[^.]{0,20}\bab\b)|\bkunden\b[^.]{0,30}(?:brechen\b[^.]{0,20}\bab\b|koennen (?:\w+ )?nicht (?:mehr )?(?:bestellen|bezahlen|kaufen))/ },
  { code: 'urgency:outage', re: /(?:结算|结账|付款|支付|下单|提交订单|购物车)[^，,。]{0,12}(?:转圈|卡住|卡死|没反应|无反应|繁忙|报错|出错|失败|不行|异常|错误)|客户[^，,。]{0,10}(?:下不了单|无法下单|无法付款|付不了)/ },
  { code: 'urgency:outage', re: /\b(?:seite|webseite|website|homepage|shop|onlineshop|kasse|checkout|bezahl\w*|zahlung\w*|warenkorb|server)\b[^.]{0,60}(?:down|offline|nicht (?:mehr )?(?:erreichbar|aufrufbar|verfuegbar|moeglich)|ausgefallen|laedt nicht|geht nicht|funktioniert (?:gar |ueberhaupt |einfach )?nicht|abgestuerzt|stuerzt|bricht\b[^.]{0,40}\bab\b|fehlermeldung|fehler)/ },
  { code: 'urgency:outage', re: /\b(?:stoerung|ausfall|serverausfall|systemausfall)\b|kann (?:nicht|nichts) (?:bezahlen|zahlen|bestellen)/ },
  { code: 'urgency:outage', re: /(?:网站|网页|官网|商城|店铺|小程序|结账|付款|支付|收银台|购物车|服务器|页面)[^，,。]{0,12}(?:打不开|进不去|上不去|无法访问|访问不了|崩溃|崩了|挂了|宕机|瘫痪|报错|出错|失败|异常|故障|白屏|卡死|5\d\d)|宕机|服务器(?:挂|崩)|下不了单|无法下单|付不了款|无法支付/ },

  // ---- the customer is blocked (login, access, app unusable)
  { code: 'urgency:blocked', re: /\b(?:can't|cant|cannot|can not|unable to|not able to|couldn't|could not|won't let me|doesn't let me|no longer able to)\s+(?:\w+\s+)?(?:log ?in|login|sign ?in|log on|logon|access|get into|get in|download|activate|reset|open (?:the |my )?(?:app|account|file|document)s?|use (?:the |my |your )?(?:app|account|software|service|licen[cs]e|product)|work)\b/ },
  { code: 'urgency:blocked', re: /\b(?:nobody|no one|none of (?:us|our|the|my)\b[^.]{0,25}?)\s*(?:can|could|is able to|are able to)\s+(?:\w+\s+)?(?:log ?in|sign ?in|access|work|pay|check ?out|order|use)/ },
  { code: 'urgency:blocked', re: /\blocked out\b|\b(?:account|login)\b[^.]{0,20}\b(?:locked|suspended|blocked|disabled|hacked|deactivated)\b|\b(?:keeps|kept) (?:crashing|freezing|logging me out)\b/ },
  { code: 'urgency:blocked', re: /\b(?:login|log-in|log in|sign-in|sign in|password reset|reset (?:email|link)|verification code|2fa|two-factor|app|software|dashboard|portal)\b[^.]{0,40}\b(?:not working|doesn't work|does not work|won't work|fails|failed|failing|broken|never arrives?|doesn't arrive|not arriving|crash\w*|won't (?:start|open|load))\b/ },
  { code: 'urgency:blocked', re: /\bkann (?:mich )?(?:\w+ )?nicht (?:mehr )?(?:an|ein)(?:melden|loggen)|\bkomme?n?\b[^.]{0,25}\bnicht (?:mehr )?(?:in|an|rein)\b|\b(?:koennen|kann)\b[^.]{0,40}\bnicht (?:mehr )?(?:\w+ ){0,3}(?:einloggen|anmelden|arbeiten|zugreifen|herunterladen|aktivieren)\b/ },
  { code: 'urgency:blocked', re: /\b(?:anmeldung|login|einloggen|passwort\w*|zugang|konto|account|app|software|zuruecksetz\w*)\b[^.]{0,40}(?:funktioniert (?:gar |ueberhaupt )?nicht|geht nicht|klappt nicht|schlaegt fehl|kommt (?:nie|nicht) an|nicht moeglich|gesperrt|stuerzt (?:\w+ )?ab)|\bkein(?:en)? zugriff\b/ },
  { code: 'urgency:blocked', re: /登录不了|登不上|登陆不了|登不进|无法登录|无法登陆|不能登录|登录失败|进不了(?:后台|账号|系统)|账号被(?:锁|封|冻结)|收不到验证码|无法激活|激活失败|系统(?:出问题|故障|崩)|闪退|用不了|没法用|无法使用(?:系统|软件|账号|app)/i },

  // ---- lost parcel / marked delivered but not received
  { code: 'urgency:lost-parcel', re: /\b(?:parcel|package|order|shipment|delivery|item|items|box|goods)\b[^.]{0,60}\b(?:lost|missing|stolen|disappeared|vanished|never (?:arrived|came|showed up|turned up|received|delivered)|(?:hasn't|has not|haven't|have not|didn't|did not|still not|never)\s+(?:\w+\s+)?(?:arrived|come|shown up|turned up|been delivered|received))\b/, vetoNear: NOT_PARCEL },
  { code: 'urgency:lost-parcel', re: /\b(?:marked|shows?|showing|says|said|listed|status|tracking)\b[^.]{0,20}\bdelivered\b[^.]{0,80}\b(?:but|not|nothing|never|no)\b|\bnothing (?:at|on|in front of) (?:my|the) (?:door|doorstep|porch|mailbox)|\bnever (?:received|got) (?:it|them|my|the|anything)\b/, vetoNear: NOT_PARCEL },
  { code: 'urgency:lost-parcel', re: /\b(?:paket\w*|sendung|lieferung|bestellung|ware|paeckchen)\b[^.]{0,60}(?:verloren|verschwunden|nicht angekommen|nie angekommen|nicht (?:erhalten|bekommen|zugestellt)|nie (?:erhalten|bekommen)|fehlt|gestohlen|ist weg)|(?:zugestellt|geliefert)\b[^.]{0,60}\b(?:aber|jedoch|nichts|nie)\b|\bnichts angekommen\b/, vetoNear: NOT_PARCEL },
  { code: 'urgency:lost-parcel', re: /丢件|丢失|丢了|弄丢|寄丢|被偷|不见了|没(?:有)?收到|未收到|收不到(?!验证码)|显示(?:已经?)?(?:签收|送达)|签收了?但|根本没(?:有)?收到|一直没到|还没(?:有)?到(?!账)|迟迟没(?:有)?到|始终没到/, vetoNear: NOT_PARCEL },

  // ---- badly late against the promise
  { code: 'urgency:late-parcel', re: /\b(?:weeks?|\d+ days|days) (?:late|overdue)\b|\boverdue\b|\b(?:still (?:hasn't|has not|not|haven't|have not)|never) (?:\w+ )?(?:arrived|shipped|been shipped|been dispatched|been sent)\b|\bsupposed to (?:arrive|be delivered|ship|be here)\b|\b(?:estimated|expected|promised) (?:delivery|dispatch|shipping)(?: date)? (?:was|has passed|passed)\b|\bstill (?:shows?|showing|says|stuck)\b/, vetoNear: NOT_PARCEL },
  { code: 'urgency:late-parcel', re: /\bimmer noch nicht (?:da|angekommen|versendet|verschickt|geliefert)\b|\bueberfaellig\b|\bhaengt (?:\w+ ){0,4}(?:seit|schon)\b|\bseit (?:\w+ )?(?:tagen|wochen)\b[^.]{0,40}(?:nicht|keine bewegung|unveraendert|haengt)|\bsollte (?:schon|laengst|bereits)\b[^.]{0,30}(?:da|ankommen|angekommen|geliefert)|\blieferverzug\b|\bverspaet\w*/, vetoNear: NOT_PARCEL },
  { code: 'urgency:late-parcel', re: re(`(?:一直|迟迟|始终)没(?:有)?(?:更新|发货|动静)|物流[^，,。]{0,6}(?:不动|没动|停|卡|没更新)|说好的[^，,。]{0,8}(?:发货|到货|送达|到)|延误|延迟|逾期|${ZH_NUM}+(?:天|周|个星期)了?[^，,。]{0,8}(?:还没|没|未)(?:有)?(?:到|发|更新|动)`), vetoNear: NOT_PARCEL },

  // ---- repeat contact, told in words
  { code: 'urgency:repeat-contact', re: /\b(?:second|third|fourth|fifth|2nd|3rd|4th|5th|several|multiple|many|numerous|countless)\s+(?:time|times|email|e-mail|message|mail|attempt|request)s?\b/, with: WRITING_EN },
  { code: 'urgency:repeat-contact', re: /\b(?:still (?:no|not|haven't|have not|nothing|waiting)\b[^.]{0,30}\b(?:answer|repl\w*|response|respond\w*|heard|word|feedback|back)|(?:no|never|without|haven't (?:had|got|received)|didn't get|not had)\s+(?:an?\s+|any\s+)?(?:answer|reply|response)|haven't heard (?:anything )?(?:back|from)|(?:no one|nobody)\b[^.]{0,25}\b(?:replied|answered|responded|got back|gets back|cares?|reacted))\b/, complaint: true },
  { code: 'urgency:repeat-contact', re: /\b(?:already|previously) (?:wrote|written|emailed|e-mailed|contacted|asked|sent|reached out|messaged|called)\b|\b(?:i|we) (?:emailed|wrote|contacted|sent you|messaged|asked)\b[^.]{0,50}\b(?:ago|last week|yesterday|before|earlier)\b|\bfollow(?:ing)?[- ]?up\b|\bmy (?:previous|last|earlier|first) (?:email|e-mail|message|mail|request|ticket)\b|\bas (?:i|we) (?:already )?(?:said|wrote|mentioned|explained)\b|\b(?:writing|contacting|asking|emailing|reaching out) (?:to )?(?:you )?again\b|\breminder\b|\bchasing\b/ },
  { code: 'urgency:repeat-contact', re: /\b(?:zum|zu) (?:zweiten|dritten|vierten|fuenften|wiederholten|x-ten|\d+\.) ?mal\b|\berneut\b|\bnochmals\b/, with: WRITING_DE },
  { code: 'urgency:repeat-contact', re: /\b(?:keine|keinerlei|ohne|nie eine)\s+(?:\w+\s+)?(?:antwort|rueckmeldung|reaktion)\b|\b(?:reagiert|antwortet|meldet sich)\s+(?:\w+\s+)?(?:niemand|keiner|nicht)\b|\bniemand (?:reagiert|antwortet|meldet)\b/, complaint: true },
  { code: 'urgency:repeat-contact', re: /\b(?:bereits|schon)\s+(?:mehrfach |mehrmals |zweimal |dreimal |oefter |x-mal )?(?:geschrieben|gemeldet|angefragt|kontaktiert|nachgefragt|gemailt|angerufen)\b|\bmeine (?:letzte|vorherige|erste) (?:e-?mail|nachricht|anfrage|mail)\b|\bwie (?:bereits|schon) (?:geschrieben|erwaehnt|mitgeteilt)\b|\berinnerung\b/ },
  { code: 'urgency:repeat-contact', re: /再次|又一次|再一次|第[二三四五六七八九十几2-9]次|[两三四五几好多]次(?:联系|发|询问|咨询|催|邮件|反映|找|问)/, with: WRITING_ZH },
  { code: 'urgency:repeat-contact', re: /没人(?:回复|回|理|管|处理)|无人(?:回复|处理|理)|没有(?:任何)?(?:回复|回音|答复|回应)|一直没(?:有)?(?:回复|回音|答复|人)|还没(?:有)?(?:回复|答复)|至今未(?:回复|答复)|石沉大海/, complaint: true },
  { code: 'urgency:repeat-contact', re: /之前(?:发|联系|反映|问|咨询)过|上次(?:反映|联系|说|问|咨询)|催(?:了|促)/ },
];

/** "No rush", "不急", "keine Eile": the customer says it can wait. */
export const NO_RUSH_CUES: readonly Cue<ReasonCode>[] = [
  { code: 'low:no-rush', re: /\b(?:no (?:rush|hurry|pressure|stress|urgency)|not (?:urgent|in a (?:rush|hurry)|time[- ]sensitive|a priority|pressing)|(?:isn't|is not|nothing) (?:urgent|pressing)|in no (?:rush|hurry)|no need to (?:rush|hurry)|take your time|low priority|whenever (?:you|it's|it is|is)\b|at your (?:convenience|leisure)|when you (?:get|have) (?:a |the )?(?:chance|moment|minute|time)|no problem if it takes|(?:just|purely|only) (?:out of )?curio\w*|just (?:wondering|curious))\b/ },
  { code: 'low:no-rush', re: /\b(?:keine eile|kein(?:en)? stress|kein zeitdruck|eilt (?:\w+ )?nicht|nicht (?:so |besonders )?(?:dringend|eilig)|hat (?:\w+ )?zeit|in ruhe|bei gelegenheit|wenn (?:sie|du) (?:mal )?zeit|wann immer|ohne eile|(?:nur|rein) (?:aus )?(?:neugier|interessehalber))\b/ },
  { code: 'low:no-rush', re: /不急|不着急|不用急|不赶时间|不是很急|不算急|没那么急|不太急|有空(?:的时候|时)?(?:再)?(?:回|看|处理)|方便的时候|闲时|慢慢来|随便问问|好奇问|顺便问/ },
];
