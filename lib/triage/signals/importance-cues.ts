import type { Cue } from './text';
import type { ReasonCode } from './reasons';

/**
 * Importance cues: the problem's impact on the business (threats, churn of a big account, a
 * business customer at a standstill, our own shop being down). Anger words are deliberately
 * absent: an angry mail is not an important one by itself.
 */

const POSITIVE_REVIEW = /\b(?:great|glowing|positive|good|5[- ]?star|five[- ]?star|excellent)\b|\b(?:gute|positive|tolle|5[- ]?sterne?)\b|好评/;

// Scale of the account: annual billing or several seats (mail-level co-occurrence with cancelling).
const ACCOUNT_SCALE =
  /\b(?:annual\w*|yearly|year(?:ly)? (?:plan|subscription|licen[cs]e|contract)|\d+ (?:seats|licen[cs]es|users|accounts|members)|seats|team (?:plan|account|subscription|licen\w*)|business (?:plan|account)|enterprise|company account|whole team|all (?:our|the) (?:users|seats|licen[cs]es))\b|\bjahres\w*|\bjaehrlich\w*|\b\d+ (?:plaetze|plaetzen|lizenzen|nutzer\w*|user\w*|seats|arbeitsplaetze\w*|mitarbeiter\w*|accounts)\b|\b(?:team|firmen|unternehmens|business)-?(?:lizenz|konto|account|tarif|abo|vertrag)\w*|年费|年度|包年|一年|年卡|年付|团队|企业版|[0-9一二三四五六七八九十几]+个(?:账号|席位|用户|授权|帐号)/;

const BUSINESS_EN =
  /\b(?:our|my) (?:\d+ )?(?:team|staff|employees|company|business|office|shop|store|restaurant|clinic|agency|practice|firm|warehouse|clients|customers|colleagues|workers|agents|salon|studio|branch|location)s?\b|\b\d+\s+(?:staff|employees|users|people|colleagues|agents|seats|workers)\b|\b(?:wholesale|reseller|b2b)\b/;
const IMPACT_EN =
  /\b(?:can't|cannot|can not|unable|not able|couldn't|blocked|stuck|down|standstill|halted|losing|lost|waiting|none of|no one|nobody)\b/;
const BUSINESS_DE =
  /\bunser(?:e|en|em|er)? (?:\d+ )?[\w-]*?(?:team|mitarbeiter\w*|firma|unternehmen|betrieb|laden|laeden|geschaeft|praxis|buero|kanzlei|kunden|filiale\w*|kollegen|lager|shop|shops|onlineshop)\b|\b\d+ (?:mitarbeiter\w*|kollegen|nutzer|arbeitsplaetze)\b|\b(?:grosshandel|wiederverkaeufer|b2b)\b/;
const IMPACT_DE =
  /\b(?:koennen|kann)\b[^.]{0,40}\bnicht\b|\bnicht (?:mehr )?(?:arbeiten|zugreifen|einloggen|anmelden|bestellen|verkaufen)\b|\bsteh\w* (?:\w+ )?still\b|\bstillstand\b|\bblockiert\b|\blahmgelegt\b|\bumsatz\w*|\bverlieren\b|\bverdienstausfall\b/;
const BUSINESS_ZH = /我们(?:的)?(?:公司|店|店铺|门店|团队|员工|工厂|仓库|客服|同事)|本公司|全公司|公司(?:所有|全部|上下)|[0-9一二三四五六七八九十几]+个(?:客服|员工|同事|账号|门店)|批发|经销商|代理商/;
const IMPACT_ZH = /无法|不能|没法|不了|停摆|瘫痪|积压|损失|影响(?:生意|业务|销售|营业)|停工|停了|停滞|闪退|崩溃|干不了活|开不了工|所有人|全部人/;

export const IMPORTANCE_CUES: readonly Cue<ReasonCode>[] = [
  // ---- chargeback / payment dispute
  { code: 'importance:chargeback', re: /\bcharge ?backs?\b|\b(?:dispute|disputing|contest\w*|revers\w*)\s+(?:the |this |that |a |my |your )?(?:charge|payment|transaction)s?\b|\b(?:dispute|claim|case|complaint)\b[^.]{0,30}\b(?:with|through|via|on|at) (?:my |the )?(?:bank|card issuer|credit card\w*|card company|paypal|visa|mastercard|amex)\b|\b(?:contact\w*|call\w*|ask\w*|tell\w*|go(?:ing)? to|report\w* (?:this|it|you) to)\s+(?:my |the )?(?:bank|credit card company|card issuer|card company)\b|\bpaypal (?:dispute|claim|case)\b|\bopen\w* (?:a |an )?(?:dispute|claim|case)\b|\bbuyer protection\b/ },
  { code: 'importance:chargeback', re: /rueckbuchung|zurueck(?:ge)?buch\w*|chargeback|\blastschrift\w*\b[^.]{0,40}(?:zurueck\w*|widerruf\w*|widersprech\w*)|(?:widerspruch|widersprech\w*)[^.]{0,30}(?:bank|lastschrift|paypal|kreditkarte)|kaeuferschutz|paypal[- ]?(?:fall|konflikt|antrag)|\b(?:bank|kreditkarten\w*)\b[^.]{0,25}(?:einschalten|kontaktieren|informieren|melden)/ },
  { code: 'importance:chargeback', re: /拒付|拒绝付款|撤销(?:交易|付款)|止付|(?:联系|找|通知|投诉到)(?:我的)?(?:信用卡|发卡)?(?:银行|发卡行|信用卡中心|信用卡公司)|(?:paypal|贝宝)[^，,。]{0,6}(?:争议|纠纷|申诉|索赔)|银行[^，,。]{0,6}(?:争议|申诉)/ },

  // ---- public complaint or bad review
  { code: 'importance:public-complaint', re: /\b(?:bad|negative|terrible|honest|scathing|poor|1[- ]?star|one[- ]?star|0[- ]?star|zero[- ]?star)\s+(?:\w+\s+)?(?:reviews?|ratings?|feedback)\b|\b(?:reviews?|ratings?)\b[^.]{0,20}\b(?:on|at)\s+(?:trustpilot|google|amazon|yelp|etsy|ebay|facebook|the app store|app store)\b|\btrustpilot\b|\bsocial media\b|\bgo(?:ing)? public\b|\bwarn (?:others|other (?:customers|buyers|people|shoppers)|everyone|people)\b|\b(?:better business bureau|bbb|trading standards|consumer protection|ftc|ombudsman|consumer (?:agency|authority|council))\b/, unless: POSITIVE_REVIEW },
  { code: 'importance:public-complaint', re: /\b(?:post\w*|shar\w*|writ\w*|tweet\w*|tell\w*)\b[^.]{0,40}\b(?:twitter|facebook|instagram|reddit|tiktok|youtube|linkedin|everyone|everybody|all my (?:friends|followers))\b|\b(?:leave|leaving|write|writing|post|posting|give|giving)\b[^.]{0,20}\breview\b/, unless: POSITIVE_REVIEW },
  { code: 'importance:public-complaint', re: /\b(?:schlechte|negative|miese|entsprechende|ehrliche|1[- ]?sterne?|ein[- ]?stern\w*)\s+(?:\w+\s+)?(?:bewertung\w*|rezension\w*)|\b(?:bewertung\w*|rezension\w*)\b[^.]{0,30}\b(?:trustpilot|google|amazon|ebay|etsy)\b|\bsoziale(?:n)? (?:medien|netzwerke)\b|\b(?:oeffentlich|publik) machen\b|verbraucherzentrale|verbraucherschutz|schlichtungsstelle|\b(?:andere|alle) (?:\w+ )?warnen\b|\b(?:poste|posten|teile|teilen|berichte|berichten)\b[^.]{0,40}\b(?:facebook|instagram|twitter|tiktok|youtube|reddit)\b/, unless: POSITIVE_REVIEW },
  { code: 'importance:public-complaint', re: /差评|曝光|12315|消协|消费者协会|市场监管|工商局|黑猫投诉|媒体|微博|小红书|抖音|朋友圈|一星|1星|网上(?:说|发|曝)/ },

  // ---- formal complaint
  { code: 'importance:formal-complaint', re: /\b(?:formal|official|written)\s+complaint\b|\b(?:file|filing|lodge|lodging|make|making|submit\w*|raise|raising)\s+(?:a |an )?(?:formal |official )?complaint\b|\b(?:offizielle|foermliche|schriftliche) beschwerde\b|\bbeschwerde (?:einreichen|einlegen|erheben)\b|\bbeschwere mich (?:offiziell|bei)\b|投诉/ },

  // ---- legal action
  { code: 'importance:legal', re: /\b(?:lawyers?|attorneys?|solicitors?|legal (?:action|steps|proceedings|advice|department|team|dispute)|take (?:you|this|it) to court|small claims|lawsuit|litigation|sue|suing|sued)\b|\bcourt\b/ },
  { code: 'importance:legal', re: /anwalt|anwaelt|rechtliche\w* schritte|rechtsweg|\b(?:vor|zum|ans|beim) gericht\b|gerichtlich\w*|\bklage\b|einklagen|\bverklag\w*|mahnverfahren/ },
  { code: 'importance:legal', re: /律师|起诉|法院|法律(?:途径|手段|程序|责任|诉讼)|诉讼|仲裁|报警|打官司/ },

  // ---- cancelling an annual or multi-seat account (not an order)
  { code: 'importance:cancel-account', re: /\b(?:cancel\w*|terminat\w*|(?:not|won't|will not|don't|do not) (?:be )?renew\w*|end\w* (?:our|my) (?:contract|subscription|plan)|switch\w* to (?:a |another |the )?(?:competitor|different (?:provider|tool|vendor|service))|evaluating alternatives|moving to (?:a |another )?(?:competitor|provider))\b/, withInMail: ACCOUNT_SCALE },
  { code: 'importance:cancel-account', re: /\b(?:kuendig\w*|gekuendigt|nicht (?:mehr )?verlaenger\w*|wechsel\w* zu (?:einem |der )?(?:konkurrenz|anderen anbieter))\b/, withInMail: ACCOUNT_SCALE },
  { code: 'importance:cancel-account', re: /取消|退订|不再续费|不续费|不续约|不再续约|解约|换(?:别家|其他家)/, withInMail: ACCOUNT_SCALE },

  // ---- a business customer whose business is blocked
  { code: 'importance:business-blocked', re: BUSINESS_EN, with: IMPACT_EN },
  { code: 'importance:business-blocked', re: /\blosing (?:money|sales|orders|revenue|customers|business)\b|\bcosting us\b|\bturning (?:customers|clients|people|guests) away\b|\b(?:entire|whole) (?:team|company|office|business|staff)\b[^.]{0,40}\b(?:can't|cannot|unable|blocked|stuck|down)\b|\b(?:business|production|operations?) (?:is |are )?(?:at a )?(?:standstill|halted|stopped)\b/ },
  { code: 'importance:business-blocked', re: BUSINESS_DE, with: IMPACT_DE },
  { code: 'importance:business-blocked', re: /\b(?:der |unser )?(?:ganze|gesamte) (?:betrieb|laden|team|firma|buero)\b[^.]{0,30}(?:steht|stillstand|blockiert)|\bumsatzverlust\w*\b|\bwir verlieren\b[^.]{0,30}(?:umsatz|kunden|geld|auftraege)|\b(?:umsatz|kunden|auftraege) (?:verlieren|verloren)\b/ },
  { code: 'importance:business-blocked', re: BUSINESS_ZH, with: IMPACT_ZH },
];
