import { ElLoading } from 'element-plus'
import 'element-plus/dist/index.css'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { i18n } from './i18n/index.ts'
import { createAppRouter } from './router/index.ts'
import { useClientsStore } from './stores/clients.ts'
import { useDisplayWindowStore } from './stores/displayWindow.ts'
import { useRotationStore } from './stores/rotation.ts'
import { useSettingsStore } from './stores/settings.ts'
import { useStaffStore } from './stores/staff.ts'
import { useVisitsStore } from './stores/visits.ts'
import './styles/theme.css'
import './styles/base.css'
import './styles/print.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(i18n)
// Components are imported where used; only the v-loading directive is installed app-wide.
app.use(ElLoading)
app.use(createAppRouter())

// Stores subscribe to pushed changes once, here at start, never in components.
void useSettingsStore(pinia).init()
useStaffStore(pinia).init()
useVisitsStore(pinia).init()
useRotationStore(pinia).init()
useClientsStore(pinia).init()
useDisplayWindowStore(pinia).init()

app.mount('#app')
