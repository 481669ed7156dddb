// ElMessage / ElMessageBox are called from scripts, where the component resolver does not see
// them: their styles are imported here. Loaded on first use (see feedback.ts).
import 'element-plus/theme-chalk/base.css';
import 'element-plus/theme-chalk/el-badge.css';
import 'element-plus/theme-chalk/el-message.css';
import 'element-plus/theme-chalk/el-button.css';
import 'element-plus/theme-chalk/el-input.css';
import 'element-plus/theme-chalk/el-overlay.css';
import 'element-plus/theme-chalk/el-message-box.css';

export { ElMessage, ElMessageBox } from 'element-plus';
