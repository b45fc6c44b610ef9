// Documents shared by the protocol tests: a Chinese policy draft with numbered citations, one of them on a
// line that starts with an emoji (a surrogate pair: two UTF-16 code units), a dangling citation and an
// uncited reference.
export const DRAFT = [
  '# 新质生产力与中韩科技合作',
  '',
  '## 一、引言',
  '',
  '新质生产力是推动高质量发展的重要引擎[1]。中韩两国在半导体领域合作密切[2]。',
  '',
  '两国的科技合作平台仍在完善之中[3]，双方已在多个领域开展联合研究[2]。',
  '',
  '😀 表情之后的引用[5]仍须准确定位。',
  '',
  '## 参考文献',
  '',
  '[1] 张三. 新质生产力研究[J]. 经济研究, 2024(3): 1-10.',
  '[2] Kim J. Korea-China Semiconductor Cooperation[R]. Seoul: KIET, 2023.',
  '[3] 李四. 科技合作的路径[M]. 北京: 科学出版社, 2022.',
  '[4] 王五. 未被引用的文献[J]. 管理世界, 2021(5): 20-30.',
  '',
].join('\n');

/** A draft with every citation resolved and every reference cited. */
export const CLEAN_DRAFT = [
  '# 中韩科技合作',
  '',
  '新质生产力是推动高质量发展的重要引擎[1]。',
  '',
  '## 参考文献',
  '',
  '[1] 张三. 新质生产力研究[J]. 经济研究, 2024(3): 1-10.',
  '',
].join('\n');
