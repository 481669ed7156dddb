/**
 * Chinese for class-validator's constraint names. Field messages go out as "中文 / English" (the web
 * shows the half of its language), so an operator reading Chinese learns what is wrong with a field.
 */
export const CONSTRAINT_ZH: Record<string, string> = {
  whitelistValidation: '不允许的字段',
  isDefined: '必填',
  isNotEmpty: '不能为空',
  isString: '必须是文本',
  isInt: '必须是整数',
  isNumber: '必须是数字',
  isBoolean: '必须是 true 或 false',
  isArray: '必须是数组',
  isObject: '必须是对象',
  isEmail: '邮箱格式不正确',
  isIn: '不是允许的取值',
  isEnum: '不是允许的取值',
  isUuid: '必须是 UUID',
  isDateString: '日期时间格式不正确（ISO 8601）',
  isDecimalString: '必须是十进制数字字符串（如 "12.5"），且在允许范围内',
  matches: '格式不正确',
  minLength: '长度太短或为空',
  maxLength: '长度超出上限',
  min: '数值小于下限',
  max: '数值大于上限',
  arrayMinSize: '至少需要一项',
  arrayMaxSize: '项数超出上限',
  nestedValidation: '必须是对象或对象数组',
  unknownValue: '请求内容不是对象',
};

export function bilingual(constraint: string, english: string): string {
  const zh = CONSTRAINT_ZH[constraint];
  return zh ? `${zh} / ${english}` : english;
}
