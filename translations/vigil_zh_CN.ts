<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Vigil</source>
        <translation>关于 Vigil</translation>
    </message>
    <message>
        <source>Vigil icon</source>
        <translation>Vigil 图标</translation>
    </message>
    <message>
        <source>Name and version</source>
        <translation>名称和版本</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Build information</source>
        <translation>构建信息</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>对话框按钮</translation>
    </message>
</context>
<context>
    <name>Alert</name>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Informational</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <source>True positive</source>
        <translation>真阳性</translation>
    </message>
    <message>
        <source>False positive</source>
        <translation>误报</translation>
    </message>
    <message>
        <source>Informational, expected activity</source>
        <translation>信息性、预期活动</translation>
    </message>
    <message>
        <source>Benign positive</source>
        <translation>良性阳性</translation>
    </message>
    <message>
        <source>APT</source>
        <translation>APT（高级持续性威胁）</translation>
    </message>
    <message>
        <source>Malware</source>
        <translation>恶意软件</translation>
    </message>
    <message>
        <source>Security personnel</source>
        <translation>安全人员</translation>
    </message>
    <message>
        <source>Security testing</source>
        <translation>安全测试</translation>
    </message>
    <message>
        <source>Unwanted software</source>
        <translation>不需要的软件</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Multi-staged attack</source>
        <translation>多阶段攻击</translation>
    </message>
    <message>
        <source>Compromised account</source>
        <translation>帐户遭入侵</translation>
    </message>
    <message>
        <source>Phishing</source>
        <translation>网络钓鱼</translation>
    </message>
    <message>
        <source>Malicious user activity</source>
        <translation>恶意用户活动</translation>
    </message>
    <message>
        <source>Not malicious</source>
        <translation>非恶意</translation>
    </message>
    <message>
        <source>Not enough data to validate</source>
        <translation>数据不足，无法验证</translation>
    </message>
    <message>
        <source>Confirmed activity</source>
        <translation>已确认的活动</translation>
    </message>
    <message>
        <source>Line-of-business application</source>
        <translation>业务线应用程序</translation>
    </message>
</context>
<context>
    <name>AlertEditDialog</name>
    <message>
        <source>Edit Alert</source>
        <translation>编辑警报</translation>
    </message>
    <message>
        <source>Edit alert</source>
        <translation>编辑警报</translation>
    </message>
    <message>
        <source>Alerts being edited</source>
        <translation>正在编辑的警报</translation>
    </message>
    <message>
        <source>Fields to change</source>
        <translation>要更改的字段</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>C&amp;lassification:</source>
        <translation>分类(&amp;L)：</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>&amp;Determination:</source>
        <translation>判定(&amp;D)：</translation>
    </message>
    <message>
        <source>Determination</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>&amp;Assigned to:</source>
        <translation>分配给(&amp;A)：</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>分配给</translation>
    </message>
    <message>
        <source>user@contoso.com</source>
        <translation>user@contoso.com</translation>
    </message>
    <message>
        <source>Assign to user</source>
        <translation>分配给用户</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>注释(&amp;C)：</translation>
    </message>
    <message>
        <source>Added to the alert&apos;s comments</source>
        <translation>添加到警报的注释中</translation>
    </message>
    <message>
        <source>New comment</source>
        <translation>新注释</translation>
    </message>
    <message>
        <source>&amp;Feedback:</source>
        <translation>反馈(&amp;F)：</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>标记(&amp;T)：</translation>
    </message>
    <message>
        <source>Comma-separated; empty leaves the tags as they are</source>
        <translation>以逗号分隔；留空则保留现有标记</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Co&amp;mments:</source>
        <translation>注释(&amp;M)：</translation>
    </message>
    <message>
        <source>One per line; replaces the alert&apos;s comments. Empty leaves them as they are.</source>
        <translation>每行一条；将替换警报的注释。留空则保留现有注释。</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>注释</translation>
    </message>
    <message>
        <source>Ask for the updated alert in the answer (Prefer: return=representation)</source>
        <translation>在响应中返回更新后的警报（Prefer: return=representation）</translation>
    </message>
    <message>
        <source>Return the updated alert</source>
        <translation>返回更新后的警报</translation>
    </message>
    <message>
        <source>Problem with the change</source>
        <translation>更改存在的问题</translation>
    </message>
    <message>
        <source>Update progress</source>
        <translation>更新进度</translation>
    </message>
    <message>
        <source>Before and after</source>
        <translation>更改前后</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>对话框按钮</translation>
    </message>
    <message>
        <source>No change</source>
        <translation>不更改</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>我</translation>
    </message>
    <message>
        <source>Nobody (unassign)</source>
        <translation>无人（取消分配）</translation>
    </message>
    <message>
        <source>Someone else…</source>
        <translation>其他人…</translation>
    </message>
</context>
<context>
    <name>AlertParser</name>
    <message>
        <source>The answer is not a collection of alerts (%1).</source>
        <translation>响应不是警报集合（%1）。</translation>
    </message>
    <message>
        <source>The answer is not a collection of alerts.</source>
        <translation>响应不是警报集合。</translation>
    </message>
</context>
<context>
    <name>AlertQueryBar</name>
    <message>
        <source>Alert query</source>
        <translation>警报查询</translation>
    </message>
    <message>
        <source>Query fields</source>
        <translation>查询字段</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重性</translation>
    </message>
    <message>
        <source>Severity filter</source>
        <translation>严重性筛选器</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>状态筛选器</translation>
    </message>
    <message>
        <source>Service source</source>
        <translation>服务来源</translation>
    </message>
    <message>
        <source>Service source filter</source>
        <translation>服务来源筛选器</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Classification filter</source>
        <translation>分类筛选器</translation>
    </message>
    <message>
        <source>Determination</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Determination filter</source>
        <translation>判定筛选器</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>分配给</translation>
    </message>
    <message>
        <source>user@contoso.com</source>
        <translation>user@contoso.com</translation>
    </message>
    <message>
        <source>Assigned to user</source>
        <translation>分配给的用户</translation>
    </message>
    <message>
        <source>Time field</source>
        <translation>时间字段</translation>
    </message>
    <message>
        <source>Time window</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Page size:</source>
        <translation>每页数量：</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>每页数量</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>提供程序：</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>提供程序</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Assigned to me</source>
        <translation>分配给我</translation>
    </message>
    <message>
        <source>Host FQDN</source>
        <translation>主机 FQDN</translation>
    </message>
    <message>
        <source>User principal name</source>
        <translation>用户主体名称</translation>
    </message>
    <message>
        <source>Top:</source>
        <translation>最多：</translation>
    </message>
    <message>
        <source>Number of alerts</source>
        <translation>警报数量</translation>
    </message>
    <message>
        <source>&amp;Run Query</source>
        <translation>运行查询(&amp;R)</translation>
    </message>
    <message>
        <source>Run the query (F5)</source>
        <translation>运行查询（F5）</translation>
    </message>
    <message>
        <source>Run query</source>
        <translation>运行查询</translation>
    </message>
    <message>
        <source>Saved queries</source>
        <translation>已保存的查询</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save this query under a name</source>
        <translation>以一个名称保存此查询</translation>
    </message>
    <message>
        <source>Save query</source>
        <translation>保存查询</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected saved query</source>
        <translation>删除选中的已保存查询</translation>
    </message>
    <message>
        <source>Delete saved query</source>
        <translation>删除已保存的查询</translation>
    </message>
    <message>
        <source>Request URL</source>
        <translation>请求 URL</translation>
    </message>
    <message>
        <source>The exact request Vigil sends to Microsoft Graph</source>
        <translation>Vigil 发送到 Microsoft Graph 的确切请求</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the request</source>
        <translation>复制请求</translation>
    </message>
</context>
<context>
    <name>AlertReport</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>(not a Microsoft portal address, so not a link)</source>
        <translation>（不是 Microsoft 门户地址，因此不显示为链接）</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>User principal name</source>
        <translation>用户主体名称</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>帐户</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>域</translation>
    </message>
    <message>
        <source>SID</source>
        <translation>SID</translation>
    </message>
    <message>
        <source>Entra object ID</source>
        <translation>Entra 对象 ID</translation>
    </message>
    <message>
        <source>Host name</source>
        <translation>主机名</translation>
    </message>
    <message>
        <source>DNS name</source>
        <translation>DNS 名称</translation>
    </message>
    <message>
        <source>OS</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>OS build</source>
        <translation>操作系统内部版本</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>运行状况</translation>
    </message>
    <message>
        <source>Risk score</source>
        <translation>风险评分</translation>
    </message>
    <message>
        <source>Antivirus</source>
        <translation>防病毒</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP 地址</translation>
    </message>
    <message>
        <source>External IP address</source>
        <translation>外部 IP 地址</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>首次发现时间</translation>
    </message>
    <message>
        <source>Defender device ID</source>
        <translation>Defender 设备 ID</translation>
    </message>
    <message>
        <source>Entra device ID</source>
        <translation>Entra 设备 ID</translation>
    </message>
    <message>
        <source>Primary address</source>
        <translation>主地址</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>发件人</translation>
    </message>
    <message>
        <source>Sender name</source>
        <translation>发件人名称</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Sender IP address</source>
        <translation>发件人 IP 地址</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <source>Delivery action</source>
        <translation>传递操作</translation>
    </message>
    <message>
        <source>Delivery location</source>
        <translation>传递位置</translation>
    </message>
    <message>
        <source>Threats</source>
        <translation>威胁</translation>
    </message>
    <message>
        <source>URLs</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Internet message ID</source>
        <translation>Internet 邮件 ID</translation>
    </message>
    <message>
        <source>Network message ID</source>
        <translation>网络邮件 ID</translation>
    </message>
    <message>
        <source>Image file</source>
        <translation>映像文件</translation>
    </message>
    <message>
        <source>Image path</source>
        <translation>映像路径</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <source>Process ID</source>
        <translation>进程 ID</translation>
    </message>
    <message>
        <source>Parent process</source>
        <translation>父进程</translation>
    </message>
    <message>
        <source>Parent process ID</source>
        <translation>父进程 ID</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>启动时间</translation>
    </message>
    <message>
        <source>Detection status</source>
        <translation>检测状态</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Size (bytes)</source>
        <translation>大小（字节）</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>发布者</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>签名者</translation>
    </message>
    <message>
        <source>SHA-1</source>
        <translation>SHA-1</translation>
    </message>
    <message>
        <source>MD5</source>
        <translation>MD5</translation>
    </message>
    <message>
        <source>Hash algorithm</source>
        <translation>哈希算法</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>哈希</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>省/州</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>源</translation>
    </message>
    <message>
        <source>Source port</source>
        <translation>源端口</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Destination port</source>
        <translation>目标端口</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>App ID</source>
        <translation>应用 ID</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>实例</translation>
    </message>
    <message>
        <source>Object ID</source>
        <translation>对象 ID</translation>
    </message>
    <message>
        <source>Logon IP address</source>
        <translation>登录 IP 地址</translation>
    </message>
    <message>
        <source>Logon location</source>
        <translation>登录位置</translation>
    </message>
    <message>
        <source>Logon time</source>
        <translation>登录时间</translation>
    </message>
    <message>
        <source>Logon type</source>
        <translation>登录类型</translation>
    </message>
    <message>
        <source>Email role</source>
        <translation>邮件角色</translation>
    </message>
    <message>
        <source>FQDN</source>
        <translation>FQDN</translation>
    </message>
    <message>
        <source>NetBIOS name</source>
        <translation>NetBIOS 名称</translation>
    </message>
    <message>
        <source>Private IP address</source>
        <translation>专用 IP 地址</translation>
    </message>
    <message>
        <source>Public IP address</source>
        <translation>公共 IP 地址</translation>
    </message>
    <message>
        <source>Entra joined</source>
        <translation>已加入 Entra</translation>
    </message>
    <message>
        <source>Hybrid joined</source>
        <translation>已混合加入</translation>
    </message>
    <message>
        <source>Integrity level</source>
        <translation>完整性级别</translation>
    </message>
    <message>
        <source>Elevated</source>
        <translation>已提升</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Destination domain</source>
        <translation>目标域</translation>
    </message>
    <message>
        <source>Destination URL</source>
        <translation>目标 URL</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>应用程序</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Service IP address</source>
        <translation>服务 IP 地址</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Email messages</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>IP addresses</source>
        <translation>IP 地址</translation>
    </message>
    <message>
        <source>Network connections</source>
        <translation>网络连接</translation>
    </message>
    <message>
        <source>Cloud applications</source>
        <translation>云应用程序</translation>
    </message>
    <message>
        <source>Other evidence</source>
        <translation>其他证据</translation>
    </message>
    <message>
        <source>Malicious</source>
        <translation>恶意</translation>
    </message>
    <message>
        <source>Suspicious</source>
        <translation>可疑</translation>
    </message>
    <message>
        <source>No threats found</source>
        <translation>未发现威胁</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>裁决</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Remediation</source>
        <translation>修正</translation>
    </message>
    <message>
        <source>Remediation details</source>
        <translation>修正详细信息</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标记</translation>
    </message>
    <message numerus="yes">
        <source>Evidence (%n)</source>
        <translation>
            <numerusform>证据 (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>This alert has no evidence.</source>
        <translation>此警报没有证据。</translation>
    </message>
    <message numerus="yes">
        <source>%n more not shown; the JSON tab has them all.</source>
        <translation>
            <numerusform>另有 %n 项未显示；JSON 选项卡中包含全部内容。</numerusform>
        </translation>
    </message>
    <message>
        <source>(untitled alert)</source>
        <translation>（无标题警报）</translation>
    </message>
    <message>
        <source>Open in Microsoft Defender</source>
        <translation>在 Microsoft Defender 中打开</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>提供程序</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Determination</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Service source</source>
        <translation>服务来源</translation>
    </message>
    <message>
        <source>Detection source</source>
        <translation>检测来源</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Threat</source>
        <translation>威胁</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>执行者</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>分配给</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Event time</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <source>Last event</source>
        <translation>最近发生时间</translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation>上次更新时间</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>关闭时间</translation>
    </message>
    <message>
        <source>First activity</source>
        <translation>首次活动时间</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>最近活动时间</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>解决时间</translation>
    </message>
    <message>
        <source>Alert ID</source>
        <translation>警报 ID</translation>
    </message>
    <message>
        <source>Incident ID</source>
        <translation>事件 ID</translation>
    </message>
    <message numerus="yes">
        <source>Comments (%n)</source>
        <translation>
            <numerusform>注释 (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>No comments.</source>
        <translation>无注释。</translation>
    </message>
    <message>
        <source>Unknown author</source>
        <translation>未知作者</translation>
    </message>
    <message>
        <source>MITRE ATT&amp;CK techniques</source>
        <translation>MITRE ATT&amp;CK 技术</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Techniques and categories</source>
        <translation>技术和类别</translation>
    </message>
    <message>
        <source>Custom details</source>
        <translation>自定义详细信息</translation>
    </message>
    <message>
        <source>Incident page</source>
        <translation>事件页面</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Alert page</source>
        <translation>警报页面</translation>
    </message>
    <message>
        <source>Source materials</source>
        <translation>源材料</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Recommended actions</source>
        <translation>建议的操作</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n 个警报</numerusform>
        </translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重性</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
</context>
<context>
    <name>AlertSource</name>
    <message>
        <source>Microsoft Graph sent something that is not an alert.</source>
        <translation>Microsoft Graph 返回的内容不是警报。</translation>
    </message>
</context>
<context>
    <name>AlertUpdate</name>
    <message>
        <source>Nothing to change.</source>
        <translation>没有要更改的内容。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a status of alerts.</source>
        <translation>“%1”不是警报的状态。</translation>
    </message>
    <message>
        <source>Choose a classification together with the determination.</source>
        <translation>请同时选择分类和判定。</translation>
    </message>
    <message>
        <source>The determination &quot;%1&quot; does not go with the classification &quot;%2&quot;.</source>
        <translation>判定“%1”与分类“%2”不匹配。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a classification.</source>
        <translation>“%1”不是分类。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a status of legacy alerts.</source>
        <translation>“%1”不是旧版警报的状态。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a feedback value.</source>
        <translation>“%1”不是反馈值。</translation>
    </message>
    <message>
        <source>Assign to a user principal name such as analyst@contoso.com.</source>
        <translation>请分配给用户主体名称，例如 analyst@contoso.com。</translation>
    </message>
</context>
<context>
    <name>AlertsPage</name>
    <message>
        <source>Alerts</source>
        <translation>警报</translation>
    </message>
    <message>
        <source>Filter loaded alerts (Ctrl+F)</source>
        <translation>筛选已加载的警报（Ctrl+F）</translation>
    </message>
    <message>
        <source>Filter loaded alerts</source>
        <translation>筛选已加载的警报</translation>
    </message>
    <message>
        <source>Number of alerts shown</source>
        <translation>显示的警报数</translation>
    </message>
    <message>
        <source>Alerts table</source>
        <translation>警报表</translation>
    </message>
    <message>
        <source>Loading status</source>
        <translation>加载状态</translation>
    </message>
    <message>
        <source>Loading progress</source>
        <translation>加载进度</translation>
    </message>
    <message>
        <source>Load &amp;More</source>
        <translation>加载更多(&amp;M)</translation>
    </message>
    <message>
        <source>Load the next page</source>
        <translation>加载下一页</translation>
    </message>
    <message>
        <source>Load A&amp;ll</source>
        <translation>全部加载(&amp;L)</translation>
    </message>
    <message>
        <source>Load every page</source>
        <translation>加载所有页</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel loading</source>
        <translation>取消加载</translation>
    </message>
    <message>
        <source>Alert details</source>
        <translation>警报详细信息</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Vigil: a desktop console for Microsoft Graph security alerts.</source>
        <translation>Vigil：Microsoft Graph 安全警报桌面控制台。</translation>
    </message>
    <message>
        <source>Start with the built-in simulator of Microsoft Graph and its sign-in service, filled with demo data. Nothing leaves this computer.</source>
        <translation>使用内置的 Microsoft Graph 及其登录服务模拟器启动，并填充演示数据。任何数据都不会离开此计算机。</translation>
    </message>
    <message>
        <source>Microsoft Graph endpoint (default https://graph.microsoft.com).</source>
        <translation>Microsoft Graph 终结点（默认为 https://graph.microsoft.com）。</translation>
    </message>
    <message>
        <source>Sign-in authority (default https://login.microsoftonline.com).</source>
        <translation>登录颁发机构（默认为 https://login.microsoftonline.com）。</translation>
    </message>
    <message>
        <source>Directory (tenant) to sign in to: organizations, a tenant GUID, or a domain.</source>
        <translation>要登录的目录（租户）：organizations、租户 GUID 或域名。</translation>
    </message>
    <message>
        <source>Application (client) ID of your app registration in Microsoft Entra ID.</source>
        <translation>你在 Microsoft Entra ID 中的应用注册的应用程序（客户端）ID。</translation>
    </message>
    <message>
        <source>Address of the webhook receiver for change notifications (default 127.0.0.1:5000; port 0 picks a free port).</source>
        <translation>接收更改通知的 Webhook 接收器地址（默认为 127.0.0.1:5000；端口 0 表示任选一个空闲端口）。</translation>
    </message>
    <message>
        <source>Public HTTPS address that forwards to the webhook receiver (a tunnel or reverse proxy).</source>
        <translation>转发到 Webhook 接收器的公共 HTTPS 地址（隧道或反向代理）。</translation>
    </message>
    <message>
        <source>User interface language, for example en or zh_CN (default: the system language).</source>
        <translation>用户界面语言，例如 en 或 zh_CN（默认：系统语言）。</translation>
    </message>
    <message>
        <source>Read and write settings in this INI file instead of the default location.</source>
        <translation>在此 INI 文件中读写设置，而不使用默认位置。</translation>
    </message>
    <message>
        <source>Log debug messages of every vigil.* category to standard error.</source>
        <translation>将所有 vigil.* 类别的调试消息输出到标准错误。</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>意外的参数：%1</translation>
    </message>
    <message>
        <source>Usage: %1 [options]</source>
        <translation>用法：%1 [选项]</translation>
    </message>
    <message>
        <source>--graph-url needs an absolute http or https URL, not &quot;%1&quot;.</source>
        <translation>--graph-url 需要绝对的 http 或 https URL，而不是“%1”。</translation>
    </message>
    <message>
        <source>--authority-url needs an absolute http or https URL, not &quot;%1&quot;.</source>
        <translation>--authority-url 需要绝对的 http 或 https URL，而不是“%1”。</translation>
    </message>
    <message>
        <source>--public-url needs an absolute http or https URL, not &quot;%1&quot;.</source>
        <translation>--public-url 需要绝对的 http 或 https URL，而不是“%1”。</translation>
    </message>
    <message>
        <source>--tenant must be organizations, a tenant GUID or a domain name, not &quot;%1&quot;.</source>
        <translation>--tenant 必须是 organizations、租户 GUID 或域名，而不是“%1”。</translation>
    </message>
    <message>
        <source>--client-id must be a GUID such as 00001111-aaaa-2222-bbbb-3333cccc4444, not &quot;%1&quot;.</source>
        <translation>--client-id 必须是 GUID（例如 00001111-aaaa-2222-bbbb-3333cccc4444），而不是“%1”。</translation>
    </message>
    <message>
        <source>--listen needs HOST:PORT, for example 127.0.0.1:5000, not &quot;%1&quot;.</source>
        <translation>--listen 需要 HOST:PORT 格式，例如 127.0.0.1:5000，而不是“%1”。</translation>
    </message>
    <message>
        <source>--lang needs a language code such as en or zh_CN, not &quot;%1&quot;.</source>
        <translation>--lang 需要语言代码，例如 en 或 zh_CN，而不是“%1”。</translation>
    </message>
    <message>
        <source>--config needs a file name.</source>
        <translation>--config 需要文件名。</translation>
    </message>
</context>
<context>
    <name>FreedesktopNotifications</name>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
</context>
<context>
    <name>GraphError</name>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Microsoft Graph could not be reached: %1</source>
        <translation>无法连接到 Microsoft Graph：%1</translation>
    </message>
    <message>
        <source>Microsoft Graph did not accept the sign-in (%1). Sign in again.</source>
        <translation>Microsoft Graph 未接受登录（%1）。请重新登录。</translation>
    </message>
    <message>
        <source>Access denied: %1 Check that the app has the permission (with admin consent) and that your account has a security role such as Security Reader or Security Operator.</source>
        <translation>访问被拒绝：%1 请检查应用是否具有该权限（且已获得管理员同意），以及你的帐户是否具有安全角色，例如“安全读者”或“安全操作员”。</translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation>未找到：%1</translation>
    </message>
    <message>
        <source>Microsoft Graph is throttling requests: %1</source>
        <translation>Microsoft Graph 正在对请求限流：%1</translation>
    </message>
    <message>
        <source>Microsoft Graph answered with HTTP %1.</source>
        <translation>Microsoft Graph 返回了 HTTP %1。</translation>
    </message>
    <message>
        <source>Microsoft Graph: %1</source>
        <translation>Microsoft Graph：%1</translation>
    </message>
    <message>
        <source>request ID %1</source>
        <translation>请求 ID %1</translation>
    </message>
</context>
<context>
    <name>MailDialog</name>
    <message>
        <source>Email Alert</source>
        <translation>发送警报邮件</translation>
    </message>
    <message>
        <source>Email alert</source>
        <translation>发送警报邮件</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>收件人(&amp;T)：</translation>
    </message>
    <message>
        <source>Addresses separated by , or ;</source>
        <translation>多个地址以逗号 (,) 或分号 (;) 分隔</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>主题(&amp;S)：</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>附言(&amp;N)：</translation>
    </message>
    <message>
        <source>Optional personal note, shown above the alert</source>
        <translation>可选的个人附言，显示在警报上方</translation>
    </message>
    <message>
        <source>Personal note</source>
        <translation>个人附言</translation>
    </message>
    <message>
        <source>Save a copy in Sent Items</source>
        <translation>在“已发送邮件”中保存副本</translation>
    </message>
    <message>
        <source>Save to Sent Items</source>
        <translation>保存到“已发送邮件”</translation>
    </message>
    <message>
        <source>Problem with the message</source>
        <translation>邮件存在的问题</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Preview heading</source>
        <translation>预览标题</translation>
    </message>
    <message>
        <source>Message preview</source>
        <translation>邮件预览</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>对话框按钮</translation>
    </message>
</context>
<context>
    <name>MailDraft</name>
    <message>
        <source>New alert – &apos;%1&apos; (%2) from %3</source>
        <translation>新警报 – “%1”（%2），来自 %3</translation>
    </message>
    <message numerus="yes">
        <source>%n alerts – &apos;%1&apos; and more</source>
        <translation>
            <numerusform>%n 个警报 – “%1”等</numerusform>
        </translation>
    </message>
    <message>
        <source>Not an e-mail address: %1</source>
        <translation>不是电子邮件地址：%1</translation>
    </message>
    <message>
        <source>Enter at least one recipient.</source>
        <translation>请至少输入一个收件人。</translation>
    </message>
    <message>
        <source>At most 100 recipients.</source>
        <translation>收件人最多 100 个。</translation>
    </message>
    <message>
        <source>Enter a subject.</source>
        <translation>请输入主题。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Vigil</source>
        <translation>Vigil</translation>
    </message>
    <message>
        <source>Vigil main window</source>
        <translation>Vigil 主窗口</translation>
    </message>
    <message>
        <source>Main area</source>
        <translation>主区域</translation>
    </message>
    <message>
        <source>Vigil icon</source>
        <translation>Vigil 图标</translation>
    </message>
    <message>
        <source>Application name</source>
        <translation>应用程序名称</translation>
    </message>
    <message>
        <source>A desktop console for Microsoft Graph security alerts: see, filter and triage alerts, and hear about changes the moment they happen.</source>
        <translation>Microsoft Graph 安全警报桌面控制台：查看、筛选和处置警报，并在情况变化的第一时间获知。</translation>
    </message>
    <message>
        <source>Welcome text</source>
        <translation>欢迎文字</translation>
    </message>
    <message>
        <source>Connection details</source>
        <translation>连接详细信息</translation>
    </message>
    <message>
        <source>&amp;Sign In…</source>
        <translation>登录(&amp;S)…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Status bar</source>
        <translation>状态栏</translation>
    </message>
    <message>
        <source>Sign in with your Microsoft Entra ID work account</source>
        <translation>使用你的 Microsoft Entra ID 工作帐户登录</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>注销(&amp;O)</translation>
    </message>
    <message>
        <source>Sign out and remove the stored sign-in from this computer</source>
        <translation>注销并从此计算机中删除已保存的登录信息</translation>
    </message>
    <message>
        <source>Request &amp;Admin Consent…</source>
        <translation>请求管理员同意(&amp;A)…</translation>
    </message>
    <message>
        <source>Ask a tenant administrator to grant the permissions Vigil needs</source>
        <translation>请租户管理员授予 Vigil 所需的权限</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit Vigil</source>
        <translation>退出 Vigil</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Status Bar</source>
        <translation>状态栏(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>F11</source>
        <translation>F11</translation>
    </message>
    <message>
        <source>Copy &amp;Diagnostics</source>
        <translation>复制诊断信息(&amp;D)</translation>
    </message>
    <message>
        <source>Copy version and configuration details to the clipboard, for a bug report</source>
        <translation>将版本和配置详细信息复制到剪贴板，用于报告错误</translation>
    </message>
    <message>
        <source>&amp;About Vigil</source>
        <translation>关于 Vigil(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Request Inspector</source>
        <translation>请求检查器(&amp;R)</translation>
    </message>
    <message>
        <source>Every call to Microsoft Graph: method, URL, status, latency, request ID</source>
        <translation>对 Microsoft Graph 的每次调用：方法、URL、状态、延迟、请求 ID</translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
</context>
<context>
    <name>Notification</name>
    <message>
        <source>Graph webhook</source>
        <translation>Graph Webhook</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>推送</translation>
    </message>
    <message>
        <source>Poller</source>
        <translation>轮询器</translation>
    </message>
    <message>
        <source>New alert</source>
        <translation>新警报</translation>
    </message>
    <message>
        <source>Alert changed</source>
        <translation>警报已更改</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Pushed</source>
        <translation>已推送</translation>
    </message>
    <message>
        <source>Reauthorization required</source>
        <translation>需要重新授权</translation>
    </message>
    <message>
        <source>Subscription removed</source>
        <translation>订阅已删除</translation>
    </message>
    <message>
        <source>Notifications missed</source>
        <translation>通知丢失</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重性</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>分配给</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Determination</source>
        <translation>判定</translation>
    </message>
</context>
<context>
    <name>NotificationBanner</name>
    <message>
        <source>Notification banner</source>
        <translation>通知横幅</translation>
    </message>
    <message>
        <source>Notification icon</source>
        <translation>通知图标</translation>
    </message>
    <message>
        <source>Notification text</source>
        <translation>通知文本</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <source>Show the alert</source>
        <translation>显示警报</translation>
    </message>
    <message>
        <source>✕</source>
        <translation>✕</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Dismiss the notification</source>
        <translation>关闭通知</translation>
    </message>
</context>
<context>
    <name>NotificationSettingsPage</name>
    <message>
        <source>Notification settings</source>
        <translation>通知设置</translation>
    </message>
    <message>
        <source>Webhook receiver (Graph change notifications and push)</source>
        <translation>Webhook 接收器（Graph 更改通知和推送）</translation>
    </message>
    <message>
        <source>Run the webhook receiver</source>
        <translation>运行 Webhook 接收器</translation>
    </message>
    <message>
        <source>&amp;Listen on:</source>
        <translation>监听地址(&amp;L)：</translation>
    </message>
    <message>
        <source>127.0.0.1:5000</source>
        <translation>127.0.0.1:5000</translation>
    </message>
    <message>
        <source>HOST:PORT; port 0 picks any free port. Keep 127.0.0.1 and reach it through a tunnel.</source>
        <translation>HOST:PORT；端口 0 表示任选一个空闲端口。请保留 127.0.0.1，并通过隧道访问。</translation>
    </message>
    <message>
        <source>Listen address</source>
        <translation>监听地址</translation>
    </message>
    <message>
        <source>&amp;Public URL:</source>
        <translation>公共 URL(&amp;P)：</translation>
    </message>
    <message>
        <source>https://example.ngrok-free.app (the tunnel&apos;s address)</source>
        <translation>https://example.ngrok-free.app（隧道地址）</translation>
    </message>
    <message>
        <source>Public URL</source>
        <translation>公共 URL</translation>
    </message>
    <message>
        <source>TLS &amp;certificate:</source>
        <translation>TLS 证书(&amp;C)：</translation>
    </message>
    <message>
        <source>PEM file (optional)</source>
        <translation>PEM 文件（可选）</translation>
    </message>
    <message>
        <source>TLS certificate file</source>
        <translation>TLS 证书文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose the TLS certificate file</source>
        <translation>选择 TLS 证书文件</translation>
    </message>
    <message>
        <source>TLS &amp;key:</source>
        <translation>TLS 私钥(&amp;K)：</translation>
    </message>
    <message>
        <source>TLS private key file</source>
        <translation>TLS 私钥文件</translation>
    </message>
    <message>
        <source>Choose the TLS private key file</source>
        <translation>选择 TLS 私钥文件</translation>
    </message>
    <message>
        <source>Push &amp;secret:</source>
        <translation>推送密钥(&amp;S)：</translation>
    </message>
    <message>
        <source>Push secret</source>
        <translation>推送密钥</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show the push secret</source>
        <translation>显示推送密钥</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the push secret</source>
        <translation>复制推送密钥</translation>
    </message>
    <message>
        <source>New Secret</source>
        <translation>新密钥</translation>
    </message>
    <message>
        <source>Replace the secret; automation using the old one is refused from now on</source>
        <translation>替换密钥；此后使用旧密钥的自动化请求将被拒绝</translation>
    </message>
    <message>
        <source>Create a new push secret</source>
        <translation>创建新的推送密钥</translation>
    </message>
    <message>
        <source>Try it:</source>
        <translation>试一试：</translation>
    </message>
    <message>
        <source>Example curl command for the push endpoint</source>
        <translation>推送终结点的 curl 命令示例</translation>
    </message>
    <message>
        <source>Copy the curl command</source>
        <translation>复制 curl 命令</translation>
    </message>
    <message>
        <source>&amp;Poll alerts_v2 every</source>
        <translation>轮询 alerts_v2(&amp;P)，间隔</translation>
    </message>
    <message>
        <source>Poll alerts_v2 for changes</source>
        <translation>轮询 alerts_v2 以获取更改</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Microsoft Graph allows 150 requests per minute per tenant for alerts; one poll is one request.</source>
        <translation>Microsoft Graph 对警报的限制为每个租户每分钟 150 个请求；每次轮询计为一个请求。</translation>
    </message>
    <message>
        <source>Poll interval in seconds</source>
        <translation>轮询间隔（秒）</translation>
    </message>
    <message>
        <source>&amp;Desktop messages from</source>
        <translation>桌面消息(&amp;D)：</translation>
    </message>
    <message>
        <source>Show desktop messages</source>
        <translation>显示桌面消息</translation>
    </message>
    <message>
        <source>Minimum severity for desktop messages</source>
        <translation>桌面消息的最低严重性</translation>
    </message>
    <message>
        <source>&amp;Keep at most:</source>
        <translation>最多保留(&amp;K)：</translation>
    </message>
    <message>
        <source> notifications</source>
        <translation> 条通知</translation>
    </message>
    <message>
        <source>Notifications kept</source>
        <translation>保留的通知数</translation>
    </message>
    <message>
        <source>for </source>
        <translation>最长 </translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>for any time</source>
        <translation>不限时长</translation>
    </message>
    <message>
        <source>Days notifications are kept</source>
        <translation>通知保留天数</translation>
    </message>
    <message>
        <source>Problems with the notification settings</source>
        <translation>通知设置存在的问题</translation>
    </message>
    <message>
        <source>About receiving notifications</source>
        <translation>关于接收通知</translation>
    </message>
    <message>
        <source>What the receiver is doing now</source>
        <translation>接收器当前状态</translation>
    </message>
</context>
<context>
    <name>NotificationsPane</name>
    <message>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Notifications pane</source>
        <translation>通知窗格</translation>
    </message>
    <message>
        <source>Filter notifications</source>
        <translation>筛选通知</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>&amp;Unread only</source>
        <translation>仅未读(&amp;U)</translation>
    </message>
    <message>
        <source>Show unread notifications only</source>
        <translation>仅显示未读通知</translation>
    </message>
    <message>
        <source>Select a notification to see its details; double-click it to open its alert.</source>
        <translation>选择通知以查看其详细信息；双击可打开相应的警报。</translation>
    </message>
    <message>
        <source>Notification details</source>
        <translation>通知详细信息</translation>
    </message>
    <message>
        <source>Unread notifications</source>
        <translation>未读通知</translation>
    </message>
    <message>
        <source>Webhook receiver status</source>
        <translation>Webhook 接收器状态</translation>
    </message>
    <message>
        <source>Su&amp;bscriptions…</source>
        <translation>订阅(&amp;B)…</translation>
    </message>
    <message>
        <source>Manage Graph subscriptions</source>
        <translation>管理 Graph 订阅</translation>
    </message>
    <message>
        <source>&amp;Mark All Read</source>
        <translation>全部标记为已读(&amp;M)</translation>
    </message>
    <message>
        <source>Mark all notifications read</source>
        <translation>将所有通知标记为已读</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>清除(&amp;C)</translation>
    </message>
    <message>
        <source>Remove every notification from the list and from disk</source>
        <translation>从列表和磁盘中删除所有通知</translation>
    </message>
    <message>
        <source>Clear notifications</source>
        <translation>清除通知</translation>
    </message>
</context>
<context>
    <name>RequestInspector</name>
    <message>
        <source>Request Inspector</source>
        <translation>请求检查器</translation>
    </message>
    <message>
        <source>Request inspector</source>
        <translation>请求检查器</translation>
    </message>
    <message>
        <source>Every call Vigil made to Microsoft Graph, newest last. Quote the request ID to Microsoft support. Tokens are never recorded.</source>
        <translation>Vigil 对 Microsoft Graph 的每次调用，最新的排在最后。联系 Microsoft 支持时请提供请求 ID。令牌从不记录。</translation>
    </message>
    <message>
        <source>About the request inspector</source>
        <translation>关于请求检查器</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>对话框按钮</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>设置页</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>&amp;Cloud:</source>
        <translation>云(&amp;C)：</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>云</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>租户(&amp;T)：</translation>
    </message>
    <message>
        <source>organizations, a tenant ID, or contoso.onmicrosoft.com</source>
        <translation>organizations、租户 ID 或 contoso.onmicrosoft.com</translation>
    </message>
    <message>
        <source>Application (&amp;client) ID:</source>
        <translation>应用程序（客户端）ID(&amp;C)：</translation>
    </message>
    <message>
        <source>00001111-aaaa-2222-bbbb-3333cccc4444</source>
        <translation>00001111-aaaa-2222-bbbb-3333cccc4444</translation>
    </message>
    <message>
        <source>Application (client) ID</source>
        <translation>应用程序（客户端）ID</translation>
    </message>
    <message>
        <source>&amp;Redirect port:</source>
        <translation>重定向端口(&amp;R)：</translation>
    </message>
    <message>
        <source>Any free port</source>
        <translation>任意空闲端口</translation>
    </message>
    <message>
        <source>Redirect port</source>
        <translation>重定向端口</translation>
    </message>
    <message>
        <source>Sign in &amp;with:</source>
        <translation>登录方式(&amp;W)：</translation>
    </message>
    <message>
        <source>Sign-in method</source>
        <translation>登录方式</translation>
    </message>
    <message>
        <source>Problems with the values entered</source>
        <translation>输入的值存在的问题</translation>
    </message>
    <message>
        <source>Help about the tenant settings</source>
        <translation>关于租户设置的帮助</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>对话框按钮</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>User interface language</source>
        <translation>用户界面语言</translation>
    </message>
    <message>
        <source>Vigil uses the new language after a restart.</source>
        <translation>Vigil 重启后将使用新语言。</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>警报</translation>
    </message>
    <message>
        <source>Legacy alerts API (retired by Microsoft on 2026-08-31)</source>
        <translation>旧版警报 API（Microsoft 已于 2026-08-31 停用）</translation>
    </message>
    <message>
        <source>Use the legacy alerts API</source>
        <translation>使用旧版警报 API</translation>
    </message>
    <message>
        <source>The legacy /security/alerts API is what the original Graph security samples used. Microsoft stopped returning data from it after 2026-08-31; some clouds and the demo simulator still serve it. It needs the SecurityEvents.ReadWrite.All permission: you will be asked to sign in again.</source>
        <translation>旧版 /security/alerts API 是最初的 Graph 安全示例所使用的 API。自 2026-08-31 起，Microsoft 不再通过它返回数据；部分云和演示模拟器仍提供该 API。它需要 SecurityEvents.ReadWrite.All 权限：系统将要求你重新登录。</translation>
    </message>
    <message>
        <source>About the legacy alerts API</source>
        <translation>关于旧版警报 API</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <source>Sign in to Microsoft</source>
        <translation>登录到 Microsoft</translation>
    </message>
    <message>
        <source>Sign-in window</source>
        <translation>登录窗口</translation>
    </message>
    <message>
        <source>Address of the sign-in page</source>
        <translation>登录页面地址</translation>
    </message>
    <message>
        <source>Page loading progress</source>
        <translation>页面加载进度</translation>
    </message>
    <message>
        <source>Sign-in page</source>
        <translation>登录页面</translation>
    </message>
    <message>
        <source>Use my &amp;browser instead</source>
        <translation>改用我的浏览器(&amp;B)</translation>
    </message>
    <message>
        <source>Continue in your web browser, for example to sign in with a security key or passkey</source>
        <translation>在 Web 浏览器中继续，例如使用安全密钥或通行密钥登录</translation>
    </message>
    <message>
        <source>Use my browser instead</source>
        <translation>改用我的浏览器</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>取消登录</translation>
    </message>
</context>
<context>
    <name>SubscriptionsDialog</name>
    <message>
        <source>Graph Subscriptions</source>
        <translation>Graph 订阅</translation>
    </message>
    <message>
        <source>Graph subscriptions</source>
        <translation>Graph 订阅</translation>
    </message>
    <message>
        <source>New subscription to legacy security alerts</source>
        <translation>新建旧版安全警报订阅</translation>
    </message>
    <message>
        <source>Alerts &amp;matching:</source>
        <translation>匹配的警报(&amp;M)：</translation>
    </message>
    <message>
        <source>Subscribe to alerts matching a filter</source>
        <translation>订阅与筛选器匹配的警报</translation>
    </message>
    <message>
        <source>an OData filter, e.g. severity eq &apos;high&apos;</source>
        <translation>OData 筛选器，例如 severity eq &apos;high&apos;</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选器</translation>
    </message>
    <message>
        <source>One &amp;alert:</source>
        <translation>单个警报(&amp;A)：</translation>
    </message>
    <message>
        <source>Subscribe to one alert</source>
        <translation>订阅单个警报</translation>
    </message>
    <message>
        <source>alert id</source>
        <translation>警报 ID</translation>
    </message>
    <message>
        <source>Alert id</source>
        <translation>警报 ID</translation>
    </message>
    <message>
        <source>Changes:</source>
        <translation>更改：</translation>
    </message>
    <message>
        <source>&amp;created</source>
        <translation>创建(&amp;C)</translation>
    </message>
    <message>
        <source>Notify about created alerts</source>
        <translation>创建警报时通知</translation>
    </message>
    <message>
        <source>&amp;updated</source>
        <translation>更新(&amp;U)</translation>
    </message>
    <message>
        <source>Notify about updated alerts</source>
        <translation>更新警报时通知</translation>
    </message>
    <message>
        <source>&amp;deleted</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Notify about deleted alerts</source>
        <translation>删除警报时通知</translation>
    </message>
    <message>
        <source>&amp;Expires after:</source>
        <translation>有效期(&amp;E)：</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Lifetime in minutes</source>
        <translation>有效期（分钟）</translation>
    </message>
    <message>
        <source>Lifetime in days and hours</source>
        <translation>有效期（天和小时）</translation>
    </message>
    <message>
        <source>Graph calls:</source>
        <translation>Graph 调用：</translation>
    </message>
    <message>
        <source>Notification URL</source>
        <translation>通知 URL</translation>
    </message>
    <message>
        <source>C&amp;reate Subscription</source>
        <translation>创建订阅(&amp;R)</translation>
    </message>
    <message>
        <source>Create the subscription</source>
        <translation>创建订阅</translation>
    </message>
    <message>
        <source>Result of the last operation</source>
        <translation>上次操作的结果</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>订阅</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>List the subscriptions again</source>
        <translation>重新列出订阅</translation>
    </message>
    <message>
        <source>Re&amp;new</source>
        <translation>续订(&amp;N)</translation>
    </message>
    <message>
        <source>Renew the selected subscription</source>
        <translation>续订选中的订阅</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selected subscription</source>
        <translation>删除选中的订阅</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>对话框按钮</translation>
    </message>
</context>
<context>
    <name>TokenError</name>
    <message>
        <source>The redirect URI Vigil uses is not registered for this application. In the app registration, under Authentication, add the platform &quot;Mobile and desktop applications&quot; with the redirect URI http://localhost/login/authorized.</source>
        <translation>Vigil 使用的重定向 URI 未在此应用程序中注册。请在应用注册的“身份验证”下添加“移动和桌面应用程序”平台，重定向 URI 为 http://localhost/login/authorized。</translation>
    </message>
    <message>
        <source>The permissions Vigil needs have not been granted. Ask an administrator to grant admin consent for the app registration (API permissions → Grant admin consent), or use Account → Request admin consent.</source>
        <translation>尚未授予 Vigil 所需的权限。请管理员为应用注册授予管理员同意（API 权限 → 授予管理员同意），或使用“帐户 → 请求管理员同意”。</translation>
    </message>
    <message>
        <source>The app registration treats Vigil as a web application, which needs a client secret. Register the redirect URI under &quot;Mobile and desktop applications&quot; instead of &quot;Web&quot;, and set &quot;Allow public client flows&quot; to Yes.</source>
        <translation>应用注册将 Vigil 视为 Web 应用程序，而 Web 应用程序需要客户端密码。请在“移动和桌面应用程序”（而不是“Web”）下注册重定向 URI，并将“允许公共客户端流”设置为“是”。</translation>
    </message>
    <message>
        <source>The sign-in request carried a client secret, which a desktop (public) client must not send. Remove any secret from Vigil&apos;s configuration.</source>
        <translation>登录请求携带了客户端密码，而桌面（公共）客户端不得发送客户端密码。请从 Vigil 的配置中删除所有密码。</translation>
    </message>
    <message>
        <source>Your organisation requires multi-factor authentication. Sign in again and complete the second step; if the embedded window cannot show it, use &quot;Use my browser instead&quot;.</source>
        <translation>你的组织要求多重身份验证。请重新登录并完成第二步验证；如果内嵌窗口无法显示，请使用“改用我的浏览器”。</translation>
    </message>
    <message>
        <source>A Conditional Access policy blocked the sign-in (for example: device not compliant, or location not allowed). Ask your administrator which policy applies to Vigil.</source>
        <translation>条件访问策略阻止了登录（例如：设备不合规，或位置不被允许）。请询问管理员哪项策略适用于 Vigil。</translation>
    </message>
    <message>
        <source>No application with this client ID exists in the tenant. Check the client ID and the tenant in Settings.</source>
        <translation>租户中不存在具有此客户端 ID 的应用程序。请在设置中检查客户端 ID 和租户。</translation>
    </message>
    <message>
        <source>The tenant was not found. Check the tenant name or ID in Settings.</source>
        <translation>未找到该租户。请在设置中检查租户名称或 ID。</translation>
    </message>
    <message>
        <source>The sign-in could not be verified (PKCE check failed). Sign in again.</source>
        <translation>无法验证登录（PKCE 检查失败）。请重新登录。</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Sign in again.</source>
        <translation>你的登录已过期。请重新登录。</translation>
    </message>
    <message>
        <source>The sign-in code was already used or is invalid. Sign in again.</source>
        <translation>登录代码已被使用或无效。请重新登录。</translation>
    </message>
    <message>
        <source>The sign-in service could not be reached: %1</source>
        <translation>无法连接到登录服务：%1</translation>
    </message>
    <message>
        <source>Your sign-in is no longer valid. Sign in again.</source>
        <translation>你的登录已失效。请重新登录。</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>登录失败：%1</translation>
    </message>
    <message>
        <source>trace ID %1</source>
        <translation>跟踪 ID %1</translation>
    </message>
    <message>
        <source>correlation ID %1</source>
        <translation>关联 ID %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Sign-in: %1 (tenant %2)
Microsoft Graph: %3</source>
        <translation>登录：%1（租户 %2）
Microsoft Graph：%3</translation>
    </message>
    <message>
        <source>cloud (--authority-url, --graph-url)</source>
        <translation>云（--authority-url、--graph-url）</translation>
    </message>
    <message>
        <source>tenant (--tenant)</source>
        <translation>租户（--tenant）</translation>
    </message>
    <message>
        <source>client ID (--client-id)</source>
        <translation>客户端 ID（--client-id）</translation>
    </message>
    <message>
        <source>Demo mode: sign-in and Microsoft Graph are simulated inside Vigil (%1).</source>
        <translation>演示模式：登录和 Microsoft Graph 均在 Vigil 内部模拟（%1）。</translation>
    </message>
    <message>
        <source>Vigil is already running; its window was raised.</source>
        <translation>Vigil 已在运行；已将其窗口置于前台。</translation>
    </message>
    <message>
        <source>Vigil</source>
        <translation>Vigil</translation>
    </message>
    <message>
        <source>The demo simulator could not start: %1</source>
        <translation>演示模拟器无法启动：%1</translation>
    </message>
</context>
<context>
    <name>vigil::core::AlertPoller</name>
    <message>
        <source>Updated; the previous values are not known to Vigil.</source>
        <translation>已更新；Vigil 不知道之前的值。</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Updated (comments, evidence or other details).</source>
        <translation>已更新（注释、证据或其他详细信息）。</translation>
    </message>
</context>
<context>
    <name>vigil::core::AlertTableModel</name>
    <message>
        <source>Severity</source>
        <translation>严重性</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Determination</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Service source</source>
        <translation>服务来源</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>分配给</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation>上次更新时间</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Alert ID</source>
        <translation>警报 ID</translation>
    </message>
</context>
<context>
    <name>vigil::core::AuthSession</name>
    <message>
        <source>No keychain is available (%1). You stay signed in until Vigil closes, and will have to sign in again next time.</source>
        <translation>没有可用的密钥环（%1）。在 Vigil 关闭之前你将保持登录，下次需要重新登录。</translation>
    </message>
</context>
<context>
    <name>vigil::core::GraphClient</name>
    <message>
        <source>Refused to contact %1: it is not the configured Microsoft Graph endpoint.</source>
        <translation>已拒绝连接 %1：它不是所配置的 Microsoft Graph 终结点。</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>token refreshed, retrying</source>
        <translation>令牌已刷新，正在重试</translation>
    </message>
    <message>
        <source>Retry-After %1 s is too long; giving up</source>
        <translation>Retry-After 为 %1 秒，时间过长；已放弃</translation>
    </message>
    <message>
        <source>retrying in %1 s</source>
        <translation>%1 秒后重试</translation>
    </message>
</context>
<context>
    <name>vigil::core::LoopbackReplyHandler</name>
    <message>
        <source>Cannot listen for the sign-in redirect on 127.0.0.1:%1: %2</source>
        <translation>无法在 127.0.0.1:%1 上监听登录重定向：%2</translation>
    </message>
    <message>
        <source>You are signed in</source>
        <translation>你已登录</translation>
    </message>
    <message>
        <source>You are signed in to Vigil. You can close this window and return to the application.</source>
        <translation>你已登录 Vigil。现在可以关闭此窗口并返回应用程序。</translation>
    </message>
    <message>
        <source>Sign-in did not complete</source>
        <translation>登录未完成</translation>
    </message>
    <message>
        <source>The sign-in was cancelled or refused. Return to Vigil to try again.</source>
        <translation>登录已取消或被拒绝。请返回 Vigil 重试。</translation>
    </message>
    <message>
        <source>Sign-in response not recognised</source>
        <translation>无法识别登录响应</translation>
    </message>
    <message>
        <source>This response does not belong to the sign-in Vigil is waiting for. Start the sign-in again from Vigil.</source>
        <translation>此响应不属于 Vigil 正在等待的登录。请从 Vigil 重新开始登录。</translation>
    </message>
</context>
<context>
    <name>vigil::core::NotificationCenter</name>
    <message>
        <source>The alert could not be fetched: %1</source>
        <translation>无法获取警报：%1</translation>
    </message>
    <message>
        <source>Microsoft Graph asks for the subscription to be reauthorized; otherwise it stops delivering.</source>
        <translation>Microsoft Graph 要求重新授权该订阅，否则将停止传递通知。</translation>
    </message>
    <message>
        <source>Microsoft Graph removed the subscription; no more notifications will arrive for it.</source>
        <translation>Microsoft Graph 已删除该订阅；将不再收到该订阅的通知。</translation>
    </message>
    <message>
        <source>Microsoft Graph could not deliver some notifications.</source>
        <translation>Microsoft Graph 未能传递部分通知。</translation>
    </message>
    <message>
        <source>Not connected to Microsoft Graph.</source>
        <translation>未连接到 Microsoft Graph。</translation>
    </message>
</context>
<context>
    <name>vigil::core::NotificationModel</name>
    <message>
        <source>Notifications cannot be kept on disk (%1): %2</source>
        <translation>无法将通知保存到磁盘（%1）：%2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>更改</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重性</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>警报</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>订阅</translation>
    </message>
    <message>
        <source>Received: %1</source>
        <translation>接收时间：%1</translation>
    </message>
    <message>
        <source>Feed: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <source>Change: %1</source>
        <translation>更改：%1</translation>
    </message>
    <message>
        <source>Alert: %1</source>
        <translation>警报：%1</translation>
    </message>
    <message>
        <source>(not fetched)</source>
        <translation>（未获取）</translation>
    </message>
    <message>
        <source>Alert ID: %1</source>
        <translation>警报 ID：%1</translation>
    </message>
    <message>
        <source>API: %1</source>
        <translation>API：%1</translation>
    </message>
    <message>
        <source>Severity: %1</source>
        <translation>严重性：%1</translation>
    </message>
    <message>
        <source>Resource: %1</source>
        <translation>资源：%1</translation>
    </message>
    <message>
        <source>Subscription: %1</source>
        <translation>订阅：%1</translation>
    </message>
    <message>
        <source>Changed: %1</source>
        <translation>更改内容：%1</translation>
    </message>
</context>
<context>
    <name>vigil::core::RequestLogModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>请求 ID</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>vigil::core::SignInFlow</name>
    <message>
        <source>An administrator granted consent for tenant %1. Sign in again to use the new permissions.</source>
        <translation>管理员已为租户 %1 授予同意。请重新登录以使用新权限。</translation>
    </message>
    <message>
        <source>Sign-in is not configured: set a tenant and the application (client) ID in Settings.</source>
        <translation>尚未配置登录：请在设置中设置租户和应用程序（客户端）ID。</translation>
    </message>
    <message>
        <source>Sign-in is not configured.</source>
        <translation>尚未配置登录。</translation>
    </message>
</context>
<context>
    <name>vigil::core::SingleInstance</name>
    <message>
        <source>Another Vigil is already running with the same settings.</source>
        <translation>另一个使用相同设置的 Vigil 已在运行。</translation>
    </message>
    <message>
        <source>Cannot listen for other launches of Vigil (%1): %2</source>
        <translation>无法监听 Vigil 的其他启动（%1）：%2</translation>
    </message>
</context>
<context>
    <name>vigil::core::SubscriptionManager</name>
    <message>
        <source>A subscription needs at least one filter clause or one alert: Microsoft Graph does not allow a subscription on all security alerts.</source>
        <translation>订阅至少需要一个筛选子句或一个警报：Microsoft Graph 不允许订阅所有安全警报。</translation>
    </message>
    <message>
        <source>The webhook receiver is not running, so Microsoft Graph would have nowhere to send notifications. Turn it on in Settings → Notifications.</source>
        <translation>Webhook 接收器未运行，Microsoft Graph 将无处发送通知。请在“设置 → 通知”中开启它。</translation>
    </message>
    <message>
        <source>Microsoft Graph answered without a subscription id.</source>
        <translation>Microsoft Graph 的响应中没有订阅 ID。</translation>
    </message>
    <message>
        <source>Subscription %1 expired or was deleted before it could be renewed; create it again in Tools → Subscriptions.</source>
        <translation>订阅 %1 在续订前已过期或被删除；请在“工具 → 订阅”中重新创建。</translation>
    </message>
    <message>
        <source>Subscription %1 could not be renewed: %2</source>
        <translation>无法续订订阅 %1：%2</translation>
    </message>
    <message>
        <source>Vigil reauthorized the subscription.</source>
        <translation>Vigil 已重新授权该订阅。</translation>
    </message>
    <message>
        <source>Vigil renewed the subscription, which reauthorizes it.</source>
        <translation>Vigil 已续订该订阅，续订即重新授权。</translation>
    </message>
    <message>
        <source>The subscription could not be reauthorized: %1</source>
        <translation>无法重新授权该订阅：%1</translation>
    </message>
    <message>
        <source>Microsoft Graph removed the subscription; create it again in Tools → Subscriptions.</source>
        <translation>Microsoft Graph 已删除该订阅；请在“工具 → 订阅”中重新创建。</translation>
    </message>
    <message>
        <source>Microsoft Graph could not deliver some notifications; refresh the alerts to catch up.</source>
        <translation>Microsoft Graph 未能传递部分通知；请刷新警报以获取最新状态。</translation>
    </message>
    <message>
        <source>Vigil&apos;s webhook receiver is not running (Settings → Notifications).</source>
        <translation>Vigil 的 Webhook 接收器未运行（设置 → 通知）。</translation>
    </message>
    <message>
        <source>The notification URL %1 is not HTTPS: Microsoft Graph only calls HTTPS URLs. Use a tunnel (ngrok, dev tunnels, cloudflared) and give its address with --public-url or in Settings → Notifications, or configure a certificate.</source>
        <translation>通知 URL %1 不是 HTTPS：Microsoft Graph 只调用 HTTPS URL。请使用隧道（ngrok、dev tunnels、cloudflared），并通过 --public-url 或在“设置 → 通知”中指定其地址，或者配置证书。</translation>
    </message>
    <message>
        <source>The notification URL %1 is not public: Microsoft Graph cannot reach this computer from the internet. Start a tunnel to %2 and give its public address with --public-url.</source>
        <translation>通知 URL %1 不是公共地址：Microsoft Graph 无法从 Internet 访问此计算机。请启动指向 %2 的隧道，并通过 --public-url 指定其公共地址。</translation>
    </message>
    <message>
        <source>Vigil received and answered the validation request, so the URL works; the answer may have arrived too late (Graph waits 10 seconds).</source>
        <translation>Vigil 已收到并应答验证请求，因此该 URL 可用；但应答可能到达得太晚（Graph 只等待 10 秒）。</translation>
    </message>
    <message>
        <source>Microsoft Graph&apos;s validation request never reached Vigil: is the tunnel running and forwarding %1 to %2?</source>
        <translation>Microsoft Graph 的验证请求未到达 Vigil：隧道是否正在运行，并将 %1 转发到 %2？</translation>
    </message>
    <message>
        <source>Likely cause:</source>
        <translation>可能的原因：</translation>
    </message>
</context>
<context>
    <name>vigil::core::WebhookReceiver</name>
    <message>
        <source>The webhook receiver cannot listen on %1: the port is already in use by another program. Choose another port in Settings → Notifications, or start Vigil with --listen 127.0.0.1:0 for any free port.</source>
        <translation>Webhook 接收器无法在 %1 上监听：该端口已被其他程序占用。请在“设置 → 通知”中选择其他端口，或使用 --listen 127.0.0.1:0 启动 Vigil 以使用任意空闲端口。</translation>
    </message>
    <message>
        <source>The webhook receiver cannot listen on %1: %2</source>
        <translation>Webhook 接收器无法在 %1 上监听：%2</translation>
    </message>
    <message>
        <source>Expected a JSON change notification collection.</source>
        <translation>应为 JSON 格式的更改通知集合。</translation>
    </message>
    <message>
        <source>A notification that is not valid JSON was dropped.</source>
        <translation>已丢弃一条不是有效 JSON 的通知。</translation>
    </message>
    <message>
        <source>A notification for subscription %1 was dropped: its clientState does not match.</source>
        <translation>已丢弃订阅 %1 的一条通知：其 clientState 不匹配。</translation>
    </message>
    <message>
        <source>A valid push secret is required (Authorization: Bearer …).</source>
        <translation>需要有效的推送密钥（Authorization: Bearer …）。</translation>
    </message>
    <message>
        <source>The body must be one alerts_v2 alert or {&quot;value&quot;:[…]}.</source>
        <translation>正文必须是一个 alerts_v2 警报或 {&quot;value&quot;:[…]}。</translation>
    </message>
    <message>
        <source>&quot;value&quot; must be an array of alerts.</source>
        <translation>&quot;value&quot; 必须是警报数组。</translation>
    </message>
    <message>
        <source>Every element of &quot;value&quot; must be an alert object.</source>
        <translation>&quot;value&quot; 的每个元素都必须是警报对象。</translation>
    </message>
    <message>
        <source>Every alert needs at least an &quot;id&quot;.</source>
        <translation>每个警报至少需要 &quot;id&quot;。</translation>
    </message>
</context>
<context>
    <name>vigil::gui::AboutDialog</name>
    <message>
        <source>&lt;p&gt;A desktop console for Microsoft Graph security alerts: sign in with Microsoft Entra ID, see and triage alerts, and get told when something changes.&lt;/p&gt;&lt;p&gt;Vigil talks only to the Microsoft Graph and sign-in endpoints you configure. Demo mode uses a simulator inside the application.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Microsoft Graph 安全警报桌面控制台：使用 Microsoft Entra ID 登录，查看并处置警报，并在情况变化时收到通知。&lt;/p&gt;&lt;p&gt;Vigil 只与你配置的 Microsoft Graph 终结点和登录终结点通信。演示模式使用应用程序内部的模拟器。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2, %3.</source>
        <translation>使用 Qt %1 构建，运行于 Qt %2，%3。</translation>
    </message>
</context>
<context>
    <name>vigil::gui::AlertDetailsView</name>
    <message>
        <source>Alert report</source>
        <translation>警报报告</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Alert JSON</source>
        <translation>警报 JSON</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Email…</source>
        <translation>发送邮件…</translation>
    </message>
    <message>
        <source>Email this alert to a colleague</source>
        <translation>通过电子邮件将此警报发送给同事</translation>
    </message>
    <message>
        <source>Email this alert</source>
        <translation>通过电子邮件发送此警报</translation>
    </message>
    <message>
        <source>Select an alert to see its details</source>
        <translation>选择一个警报以查看其详细信息</translation>
    </message>
    <message>
        <source>This alert is too large to show as a report. The JSON tab shows all of it.</source>
        <translation>此警报太大，无法以报告形式显示。JSON 选项卡显示其全部内容。</translation>
    </message>
</context>
<context>
    <name>vigil::gui::AlertEditDialog</name>
    <message>
        <source>Edit Alert</source>
        <translation>编辑警报</translation>
    </message>
    <message numerus="yes">
        <source>Edit %n Alerts</source>
        <translation>
            <numerusform>编辑 %n 个警报</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The change applies to the &lt;b&gt;%n&lt;/b&gt; selected alerts; each is updated on its own and failures do not stop the others.</source>
        <translation>
            <numerusform>此更改将应用于选中的 &lt;b&gt;%n&lt;/b&gt; 个警报；每个警报单独更新，个别失败不会影响其他警报。</numerusform>
        </translation>
    </message>
    <message>
        <source>No change</source>
        <translation>不更改</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Choose a classification first</source>
        <translation>请先选择分类</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>正在更新…</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>警报</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>反馈</translation>
    </message>
    <message>
        <source>Determination</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>分配给</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>未发送</translation>
    </message>
</context>
<context>
    <name>vigil::gui::AlertQueryBar</name>
    <message>
        <source>Severity</source>
        <translation>严重性</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Service source</source>
        <translation>服务来源</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Determination</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Assigned to anyone</source>
        <translation>分配给任何人</translation>
    </message>
    <message>
        <source>Assigned to me</source>
        <translation>分配给我</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>Assigned to…</source>
        <translation>分配给…</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation>上次更新时间</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>任何时间</translation>
    </message>
    <message>
        <source>in the last 24 hours</source>
        <translation>过去 24 小时内</translation>
    </message>
    <message>
        <source>in the last 7 days</source>
        <translation>过去 7 天内</translation>
    </message>
    <message>
        <source>in the last 30 days</source>
        <translation>过去 30 天内</translation>
    </message>
    <message>
        <source>between…</source>
        <translation>介于…</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <source>Any severity</source>
        <translation>任意严重性</translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation>复制 URL</translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation>复制为 curl 命令</translation>
    </message>
    <message>
        <source>Copy Graph Explorer link</source>
        <translation>复制 Graph Explorer 链接</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>任意</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>已选 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: any</source>
        <translation>%1：任意</translation>
    </message>
    <message>
        <source>Run the query (F5)</source>
        <translation>运行查询（F5）</translation>
    </message>
    <message>
        <source>Saved queries</source>
        <translation>已保存的查询</translation>
    </message>
    <message>
        <source>Save Query</source>
        <translation>保存查询</translation>
    </message>
    <message>
        <source>Name of the query:</source>
        <translation>查询名称：</translation>
    </message>
    <message>
        <source>Replace the saved query &quot;%1&quot;?</source>
        <translation>是否替换已保存的查询“%1”？</translation>
    </message>
</context>
<context>
    <name>vigil::gui::AlertsPage</name>
    <message>
        <source>&amp;Refresh Alerts</source>
        <translation>刷新警报(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit Alert…</source>
        <translation>编辑警报(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Filter Loaded Alerts</source>
        <translation>筛选已加载的警报(&amp;F)</translation>
    </message>
    <message>
        <source>E&amp;xport Alerts…</source>
        <translation>导出警报(&amp;X)…</translation>
    </message>
    <message>
        <source>Copy Alert &amp;ID</source>
        <translation>复制警报 ID(&amp;I)</translation>
    </message>
    <message>
        <source>Email Alert…</source>
        <translation>发送警报邮件…</translation>
    </message>
    <message>
        <source>Sign in to load alerts.</source>
        <translation>登录以加载警报。</translation>
    </message>
    <message numerus="yes">
        <source>Loading… %n alerts so far</source>
        <translation>
            <numerusform>正在加载… 目前已加载 %n 个警报</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>%1 of %2 alerts loaded</source>
        <translation>已加载 %1 / %2 个警报</translation>
    </message>
    <message numerus="yes">
        <source>%n alerts loaded</source>
        <translation>
            <numerusform>已加载 %n 个警报</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>显示 %1 / %2</translation>
    </message>
    <message>
        <source>Alerts could not be loaded</source>
        <translation>无法加载警报</translation>
    </message>
    <message>
        <source>Needs the Microsoft Graph permission %1, granted by an administrator (File → Request Admin Consent), and a sign-in that includes it.</source>
        <translation>需要由管理员授予 Microsoft Graph 权限 %1（文件 → 请求管理员同意），并且登录时包含该权限。</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>Change status, classification, assignment, or add a comment (Ctrl+E)</source>
        <translation>更改状态、分类、分配，或添加注释（Ctrl+E）</translation>
    </message>
    <message>
        <source>Select one or more alerts first.</source>
        <translation>请先选择一个或多个警报。</translation>
    </message>
    <message>
        <source>Send the selected alerts by e-mail, as you (Ctrl+Shift+M)</source>
        <translation>以你的身份通过电子邮件发送选中的警报（Ctrl+Shift+M）</translation>
    </message>
    <message>
        <source>%1 alerts updated, %2 failed.</source>
        <translation>已更新 %1 个警报，%2 个失败。</translation>
    </message>
    <message numerus="yes">
        <source>%n alerts updated.</source>
        <translation>
            <numerusform>已更新 %n 个警报。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Alerts</source>
        <translation>导出警报</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV 文件 (*.csv);;JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n alerts exported to %1.</source>
        <translation>
            <numerusform>已将 %n 个警报导出到 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::gui::DesktopNotifier</name>
    <message>
        <source>&amp;Show Vigil</source>
        <translation>显示 Vigil(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit Vigil</source>
        <translation>退出 Vigil(&amp;Q)</translation>
    </message>
    <message numerus="yes">
        <source>%n unread notifications</source>
        <translation>
            <numerusform>%n 条未读通知</numerusform>
        </translation>
    </message>
    <message>
        <source>No unread notifications</source>
        <translation>没有未读通知</translation>
    </message>
    <message>
        <source>Vigil — %1</source>
        <translation>Vigil — %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Severity: %1</source>
        <translation>严重性：%1</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n new alerts</source>
        <translation>
            <numerusform>%n 个新警报</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alert changes</source>
        <translation>
            <numerusform>%n 项警报更改</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alert notifications</source>
        <translation>
            <numerusform>%n 条警报通知</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>另有 %n 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::gui::MailDialog</name>
    <message>
        <source>Email Alert</source>
        <translation>发送警报邮件</translation>
    </message>
    <message numerus="yes">
        <source>Email %n Alerts</source>
        <translation>
            <numerusform>通过邮件发送 %n 个警报</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <source>Vigil needs your permission to send mail as you (Mail.Send). Complete the sign-in that opened; the message is sent right after.</source>
        <translation>Vigil 需要你授予以你的身份发送邮件的权限（Mail.Send）。请完成已打开的登录，之后邮件将立即发送。</translation>
    </message>
    <message>
        <source>The permission to send mail could not be requested.</source>
        <translation>无法请求发送邮件的权限。</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message numerus="yes">
        <source>Mail sent to %n recipients.</source>
        <translation>
            <numerusform>邮件已发送给 %n 个收件人。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::gui::MainWindow</name>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>帐户</translation>
    </message>
    <message>
        <source>Vigil — Demo</source>
        <translation>Vigil — 演示</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>Demo mode indicator</source>
        <translation>演示模式指示器</translation>
    </message>
    <message>
        <source>Vigil is connected to its built-in simulator. Alerts, users and sign-in are simulated; nothing is sent to Microsoft.</source>
        <translation>Vigil 已连接到内置模拟器。警报、用户和登录均为模拟；不会向 Microsoft 发送任何内容。</translation>
    </message>
    <message>
        <source>Demo mode: everything you see comes from the built-in simulator.</source>
        <translation>演示模式：你看到的所有内容均来自内置模拟器。</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Please sign in again</source>
        <translation>请重新登录</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>&amp;Sign In…</source>
        <translation>登录(&amp;S)…</translation>
    </message>
    <message>
        <source>Sign-in is not available</source>
        <translation>登录不可用</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>已登录为 %1</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>已登录为 %1（%2）</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>已登录为 %1。</translation>
    </message>
    <message>
        <source>Sign-in not saved</source>
        <translation>登录未保存</translation>
    </message>
    <message>
        <source>Sign-in kept in memory only</source>
        <translation>登录信息仅保存在内存中</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <source>Diagnostics copied to the clipboard.</source>
        <translation>诊断信息已复制到剪贴板。</translation>
    </message>
    <message>
        <source>Retry countdown</source>
        <translation>重试倒计时</translation>
    </message>
    <message>
        <source>Microsoft Graph is throttling: retrying in %1 s</source>
        <translation>Microsoft Graph 正在限流：%1 秒后重试</translation>
    </message>
    <message>
        <source>Microsoft Graph is unavailable (HTTP %1): retrying in %2 s</source>
        <translation>Microsoft Graph 不可用（HTTP %1）：%2 秒后重试</translation>
    </message>
</context>
<context>
    <name>vigil::gui::NotificationSettingsPage</name>
    <message>
        <source>every severity</source>
        <translation>所有严重性</translation>
    </message>
    <message>
        <source>%1 and above</source>
        <translation>%1 及以上</translation>
    </message>
    <message>
        <source>Microsoft Graph sends change notifications only for legacy security alerts, and only to a public HTTPS address. Behind a router, run a tunnel (ngrok, dev tunnels, cloudflared) to the listen address and enter its address as the public URL, or start Vigil with &lt;code&gt;--public-url&lt;/code&gt;. The poller needs none of this and covers alerts_v2. See &lt;a href=&quot;https://github.com/vigil-desktop/vigil/blob/main/docs/notifications.md&quot;&gt;docs/notifications.md&lt;/a&gt;.</source>
        <translation>Microsoft Graph 仅针对旧版安全警报发送更改通知，并且只发送到公共 HTTPS 地址。如果计算机位于路由器之后，请运行指向监听地址的隧道（ngrok、dev tunnels、cloudflared），并将隧道地址填为公共 URL，或使用 &lt;code&gt;--public-url&lt;/code&gt; 启动 Vigil。轮询器无需上述任何设置，并且涵盖 alerts_v2。请参阅 &lt;a href=&quot;https://github.com/vigil-desktop/vigil/blob/main/docs/notifications.md&quot;&gt;docs/notifications.md&lt;/a&gt;。</translation>
    </message>
    <message>
        <source>TLS Certificate</source>
        <translation>TLS 证书</translation>
    </message>
    <message>
        <source>TLS Private Key</source>
        <translation>TLS 私钥</translation>
    </message>
    <message>
        <source>The receiver has no push secret yet.</source>
        <translation>接收器尚无推送密钥。</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.crt *.key);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The listen address is HOST:PORT, for example 127.0.0.1:5000.</source>
        <translation>监听地址的格式为 HOST:PORT，例如 127.0.0.1:5000。</translation>
    </message>
    <message>
        <source>The public URL is an address such as https://example.ngrok-free.app.</source>
        <translation>公共 URL 是类似 https://example.ngrok-free.app 的地址。</translation>
    </message>
    <message>
        <source>HTTPS needs both a certificate and its private key.</source>
        <translation>HTTPS 需要证书及其私钥。</translation>
    </message>
    <message>
        <source>%1 cannot be read.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <source>Right now the receiver is listening on %1.</source>
        <translation>接收器当前正在 %1 上监听。</translation>
    </message>
    <message>
        <source>Right now the receiver is not listening.</source>
        <translation>接收器当前未在监听。</translation>
    </message>
</context>
<context>
    <name>vigil::gui::NotificationsController</name>
    <message>
        <source>Su&amp;bscriptions…</source>
        <translation>订阅(&amp;B)…</translation>
    </message>
    <message>
        <source>Microsoft Graph change-notification subscriptions for legacy alerts</source>
        <translation>旧版警报的 Microsoft Graph 更改通知订阅</translation>
    </message>
    <message>
        <source>Webhook receiver off; the poller still reports alerts_v2 changes.</source>
        <translation>Webhook 接收器已关闭；轮询器仍会报告 alerts_v2 的更改。</translation>
    </message>
    <message>
        <source>Webhook receiver</source>
        <translation>Webhook 接收器</translation>
    </message>
    <message>
        <source>Receiving on %1</source>
        <translation>接收地址：%1</translation>
    </message>
    <message>
        <source> (public: %1)</source>
        <translation>（公共地址：%1）</translation>
    </message>
    <message>
        <source>The alert is loaded but hidden by the table&apos;s filter.</source>
        <translation>该警报已加载，但被表格的筛选器隐藏。</translation>
    </message>
    <message>
        <source>Alert %1 comes from the legacy alerts API; switch to it in Settings → Alerts to see it in the table.</source>
        <translation>警报 %1 来自旧版警报 API；请在“设置 → 警报”中切换到该 API，以便在表格中查看。</translation>
    </message>
    <message>
        <source>Alert %1 comes from alerts_v2; switch off the legacy API in Settings → Alerts to see it in the table.</source>
        <translation>警报 %1 来自 alerts_v2；请在“设置 → 警报”中关闭旧版 API，以便在表格中查看。</translation>
    </message>
    <message>
        <source>Fetching alert %1…</source>
        <translation>正在获取警报 %1…</translation>
    </message>
    <message>
        <source>Alert not available</source>
        <translation>警报不可用</translation>
    </message>
</context>
<context>
    <name>vigil::gui::NotificationsPane</name>
    <message>
        <source>All feeds</source>
        <translation>所有来源</translation>
    </message>
    <message>
        <source>Notifications (%1)</source>
        <translation>通知 (%1)</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>通知</translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n 条未读</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in all</source>
        <translation>
            <numerusform>共 %n 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::gui::RequestInspector</name>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
</context>
<context>
    <name>vigil::gui::SettingsDialog</name>
    <message>
        <source>Global (login.microsoftonline.com)</source>
        <translation>全球（login.microsoftonline.com）</translation>
    </message>
    <message>
        <source>US Government (login.microsoftonline.us)</source>
        <translation>美国政府（login.microsoftonline.us）</translation>
    </message>
    <message>
        <source>China, operated by 21Vianet (login.chinacloudapi.cn)</source>
        <translation>中国，由世纪互联运营（login.chinacloudapi.cn）</translation>
    </message>
    <message>
        <source>A window inside Vigil</source>
        <translation>Vigil 内的窗口</translation>
    </message>
    <message>
        <source>My web browser</source>
        <translation>我的 Web 浏览器</translation>
    </message>
    <message>
        <source>Register Vigil in Microsoft Entra ID as a &quot;Mobile and desktop applications&quot; platform with the redirect URI &lt;b&gt;http://localhost/login/authorized&lt;/b&gt; (see the README). Entra ignores the port of loopback redirect URIs.</source>
        <translation>在 Microsoft Entra ID 中将 Vigil 注册为“移动和桌面应用程序”平台，重定向 URI 为 &lt;b&gt;http://localhost/login/authorized&lt;/b&gt;（参见 README）。对于环回重定向 URI，Entra 会忽略端口。</translation>
    </message>
    <message>
        <source>For this run the command line overrides: %1.</source>
        <translation>本次运行中，命令行覆盖了：%1。</translation>
    </message>
    <message>
        <source>The tenant must be &quot;organizations&quot;, a tenant ID (GUID) or a domain such as contoso.onmicrosoft.com.</source>
        <translation>租户必须是“organizations”、租户 ID（GUID）或域名（例如 contoso.onmicrosoft.com）。</translation>
    </message>
    <message>
        <source>The application (client) ID is a GUID such as 00001111-aaaa-2222-bbbb-3333cccc4444.</source>
        <translation>应用程序（客户端）ID 是一个 GUID，例如 00001111-aaaa-2222-bbbb-3333cccc4444。</translation>
    </message>
    <message>
        <source>Without an application (client) ID Vigil cannot sign in.</source>
        <translation>没有应用程序（客户端）ID，Vigil 无法登录。</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>vigil::gui::SignInController</name>
    <message>
        <source>Completing sign-in…</source>
        <translation>正在完成登录…</translation>
    </message>
    <message>
        <source>Please sign in again</source>
        <translation>请重新登录</translation>
    </message>
    <message>
        <source>Admin consent was not granted</source>
        <translation>未授予管理员同意</translation>
    </message>
    <message>
        <source>Signed out. Your sign-in was removed from this computer.</source>
        <translation>已注销。你的登录信息已从此计算机中删除。</translation>
    </message>
    <message>
        <source>Admin consent opened in your browser. An administrator of the tenant must approve.</source>
        <translation>已在浏览器中打开管理员同意页面。必须由租户的管理员批准。</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>登录已取消。</translation>
    </message>
    <message>
        <source>Cannot open a web browser</source>
        <translation>无法打开 Web 浏览器</translation>
    </message>
    <message>
        <source>Vigil could not start a web browser. Choose &quot;A window inside Vigil&quot; under Settings → Tenant → Sign in with.</source>
        <translation>Vigil 无法启动 Web 浏览器。请在“设置 → 租户 → 登录方式”中选择“Vigil 内的窗口”。</translation>
    </message>
    <message>
        <source>Continue in your web browser; Vigil is waiting for the sign-in to finish.</source>
        <translation>请在 Web 浏览器中继续；Vigil 正在等待登录完成。</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>登录失败</translation>
    </message>
</context>
<context>
    <name>vigil::gui::SignInWindow</name>
    <message>
        <source>Sign-in page</source>
        <translation>登录页面</translation>
    </message>
    <message>
        <source>Sign in to Microsoft</source>
        <translation>登录到 Microsoft</translation>
    </message>
    <message>
        <source>%1 — Sign in</source>
        <translation>%1 — 登录</translation>
    </message>
    <message>
        <source>Secure connection to %1</source>
        <translation>与 %1 的安全连接</translation>
    </message>
    <message>
        <source>Not encrypted: %1</source>
        <translation>未加密：%1</translation>
    </message>
</context>
<context>
    <name>vigil::gui::SubscriptionsDialog</name>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>更改</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>过期时间</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>创建者</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>nothing: the webhook receiver is not running (Settings → Notifications)</source>
        <translation>无：Webhook 接收器未运行（设置 → 通知）</translation>
    </message>
    <message>
        <source>Microsoft Graph only calls public HTTPS addresses: start a tunnel and give its address with --public-url (the demo simulator accepts this one).</source>
        <translation>Microsoft Graph 只调用公共 HTTPS 地址：请启动隧道并通过 --public-url 指定其地址（演示模拟器接受此地址）。</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Microsoft Graph needs at least one filter clause or one alert id.</source>
        <translation>Microsoft Graph 至少需要一个筛选子句或一个警报 ID。</translation>
    </message>
    <message>
        <source>this Vigil (renewed automatically)</source>
        <translation>此 Vigil（自动续订）</translation>
    </message>
    <message>
        <source>another app or install</source>
        <translation>其他应用或安装</translation>
    </message>
    <message>
        <source>The subscriptions could not be listed: %1</source>
        <translation>无法列出订阅：%1</translation>
    </message>
    <message>
        <source>No subscriptions.</source>
        <translation>没有订阅。</translation>
    </message>
    <message numerus="yes">
        <source>%n subscriptions.</source>
        <translation>
            <numerusform>%n 个订阅。</numerusform>
        </translation>
    </message>
    <message>
        <source>Creating the subscription; Microsoft Graph is checking the notification URL…</source>
        <translation>正在创建订阅；Microsoft Graph 正在检查通知 URL…</translation>
    </message>
    <message>
        <source>The subscription was not created.</source>
        <translation>未创建订阅。</translation>
    </message>
    <message>
        <source>Subscription %1 created; it expires %2 and Vigil renews it before then.</source>
        <translation>已创建订阅 %1；它将于 %2 过期，Vigil 会在此之前续订。</translation>
    </message>
    <message>
        <source>The subscription was not renewed: %1</source>
        <translation>未续订订阅：%1</translation>
    </message>
    <message>
        <source>Renewed until %1.</source>
        <translation>已续订至 %1。</translation>
    </message>
    <message>
        <source>The subscription was not deleted: %1</source>
        <translation>未删除订阅：%1</translation>
    </message>
    <message>
        <source>Subscription %1 deleted.</source>
        <translation>已删除订阅 %1。</translation>
    </message>
</context>
<context>
    <name>vigil::http::Server</name>
    <message>
        <source>TLS is not available: no TLS backend could be loaded.</source>
        <translation>TLS 不可用：无法加载任何 TLS 后端。</translation>
    </message>
    <message>
        <source>Cannot read the certificate %1: %2</source>
        <translation>无法读取证书 %1：%2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 中没有 PEM 证书。</translation>
    </message>
    <message>
        <source>Cannot read the private key %1: %2</source>
        <translation>无法读取私钥 %1：%2</translation>
    </message>
    <message>
        <source>%1 holds no unencrypted RSA or EC private key in PEM form.</source>
        <translation>%1 中没有 PEM 格式的未加密 RSA 或 EC 私钥。</translation>
    </message>
</context>
</TS>
